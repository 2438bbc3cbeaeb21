package dev.fluxboot.cluster;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes version as an API server reports it ({@code v1.33.1}, {@code v1.28.3+k3s1},
 * {@code v1.29.1-gke.1589000}): only major, minor and patch count when comparing, as the
 * Flux CLI's constraint {@code >=1.33.0-0} lets pre-release and build suffixes pass.
 *
 * @param text the version without its leading {@code v}, as the Flux CLI prints it
 */
public record KubernetesVersion(int major, int minor, int patch, String text) {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(\\S*)");

    /** The version {@code gitVersion} names; empty when it is not a version. */
    public static Optional<KubernetesVersion> parse(String gitVersion) {
        if (gitVersion == null) {
            return Optional.empty();
        }
        Matcher matcher = VERSION.matcher(gitVersion.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        String text = gitVersion.trim().startsWith("v") ? gitVersion.trim().substring(1) : gitVersion.trim();
        return Optional.of(new KubernetesVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                patch, text));
    }

    /** Whether this version is {@code major.minor.0} or later. */
    public boolean isAtLeast(int otherMajor, int otherMinor) {
        return major != otherMajor ? major > otherMajor : minor >= otherMinor;
    }
}
