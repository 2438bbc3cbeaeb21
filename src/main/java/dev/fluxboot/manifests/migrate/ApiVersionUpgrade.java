package dev.fluxboot.manifests.migrate;

/**
 * One Flux object in a manifest whose {@code apiVersion} is not the latest of the target release.
 *
 * @param file      the file, as the caller named it
 * @param line      the line of its {@code apiVersion}, from 1
 * @param kind      e.g. {@code ImagePolicy}
 * @param group     e.g. {@code image.toolkit.fluxcd.io}
 * @param from      the version the file uses, e.g. {@code v1beta2}
 * @param to        the release's latest (storage) version, e.g. {@code v1}
 * @param removed   whether the release no longer serves {@code from}: the object cannot be applied as it is
 */
public record ApiVersionUpgrade(String file, int line, String kind, String group, String from, String to,
                                boolean removed) {

    /** As {@code flux migrate} prints it: {@code path:line: Kind v1beta2 -> v1}. */
    public String describe() {
        return file + ":" + line + ": " + kind + " " + from + " -> " + to;
    }
}
