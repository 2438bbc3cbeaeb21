package dev.fluxboot.cluster;

import dev.fluxboot.ui.Reporter;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oldest Kubernetes a Flux release supports, as its {@code flux check --pre} demands it.
 *
 * <p>The table holds, for each Flux minor release, the constraint {@code cmd/flux/check.go}
 * had at its release tags (flux2 history: {@code kubernetesConstraints}). A release newer than
 * the table needs at least what the newest known one needed.
 */
public final class KubernetesVersionRequirement {

    /** Flux 2.x minor version to the oldest Kubernetes 1.y minor it supports. */
    private static final NavigableMap<Integer, Integer> MINIMUM_KUBERNETES_MINOR = new TreeMap<>(Map.of(
            0, 24,
            1, 25,
            2, 26,
            3, 28,
            4, 28,
            5, 30,
            6, 31,
            7, 32,
            8, 33,
            9, 33));

    private static final Pattern FLUX_VERSION = Pattern.compile("v?2\\.(\\d+)(?:\\.\\d+)?(?:[-+]\\S*)?");

    private final String fluxVersion;
    private final int minimumMinor;

    private KubernetesVersionRequirement(String fluxVersion, int minimumMinor) {
        this.fluxVersion = fluxVersion;
        this.minimumMinor = minimumMinor;
    }

    /**
     * What Flux {@code fluxVersion} ({@code v2.8.0}, {@code 2.8.1}, {@code v2.9.0-rc.1}) needs; empty
     * for a version that is not a Flux 2 release ({@code latest}, {@code v0.41.2}), whose needs are unknown.
     */
    public static Optional<KubernetesVersionRequirement> forFlux(String fluxVersion) {
        if (fluxVersion == null) {
            return Optional.empty();
        }
        Matcher matcher = FLUX_VERSION.matcher(fluxVersion.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int fluxMinor = Integer.parseInt(matcher.group(1));
        return Optional.of(new KubernetesVersionRequirement(fluxVersion.trim(),
                MINIMUM_KUBERNETES_MINOR.floorEntry(fluxMinor).getValue()));
    }

    /** The Flux version this requirement is of, as it was given. */
    public String fluxVersion() {
        return fluxVersion;
    }

    /** The oldest supported Kubernetes, e.g. {@code 1.33}. */
    public String minimum() {
        return "1." + minimumMinor;
    }

    /** The constraint as the Flux CLI prints it, e.g. {@code >=1.33.0-0}. */
    public String constraint() {
        return ">=1." + minimumMinor + ".0-0";
    }

    public boolean isMetBy(KubernetesVersion version) {
        return version.isAtLeast(1, minimumMinor);
    }

    /**
     * For the install and bootstrap workflows, before they change anything: warns on the
     * reporter (stderr) when the cluster's Kubernetes is older than Flux {@code fluxVersion}
     * supports, and carries on either way. Nothing is reported for a supported cluster or an
     * unknown Flux version.
     *
     * @return false when the warning was given
     * @throws dev.fluxboot.FluxbootException when the cluster cannot be reached
     */
    public static boolean warnIfUnsupported(Cluster cluster, String fluxVersion, Reporter reporter) {
        Optional<KubernetesVersionRequirement> requirement = forFlux(fluxVersion);
        if (requirement.isEmpty()) {
            return true;
        }
        String reported = cluster.serverVersion();
        Optional<KubernetesVersion> version = KubernetesVersion.parse(reported);
        if (version.isEmpty()) {
            reporter.warning("cannot tell whether Kubernetes " + reported + " supports Flux " + fluxVersion
                    + ", which needs Kubernetes " + requirement.get().minimum() + " or newer");
            return false;
        }
        if (requirement.get().isMetBy(version.get())) {
            return true;
        }
        reporter.warning("Kubernetes " + reported + " is older than Flux " + fluxVersion + " supports (it needs "
                + requirement.get().minimum() + " or newer, " + requirement.get().constraint() + "); continuing anyway");
        return false;
    }
}
