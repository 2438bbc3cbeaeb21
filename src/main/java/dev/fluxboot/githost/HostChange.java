package dev.fluxboot.githost;

/**
 * One change on the host, for the progress report and for {@code --dry-run}:
 * e.g. {@code repository fluxcd/fleet created}, {@code deploy key flux-system-main added}.
 *
 * @param warning true when the change was attempted and failed without stopping the bootstrap
 */
public record HostChange(String description, boolean warning) {

    public static HostChange done(String description) {
        return new HostChange(description, false);
    }

    public static HostChange failed(String description) {
        return new HostChange(description, true);
    }
}
