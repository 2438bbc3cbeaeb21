package dev.fluxboot;

/** The process exit codes, as DESIGN.md names them. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** {@code --dry-run --exit-code}: something would change. */
    public static final int CHANGES_PENDING = 3;

    private ExitCode() {
    }
}
