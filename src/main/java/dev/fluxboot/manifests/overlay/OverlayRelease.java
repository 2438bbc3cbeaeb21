package dev.fluxboot.manifests.overlay;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the install overlay of one Flux release ({@code pkg/manifestgen/install} at its tag) differs from
 * the current one, so that {@code install --export} writes what the Flux CLI of that release wrote.
 *
 * <ul>
 *   <li>Before v2.7.0 the label transformer set the instance, version and part-of labels on
 *       {@code metadata.labels} only; from v2.7.0 on also on the Deployments' pod templates.</li>
 *   <li>Before v2.7.2 {@code --events-addr} named the namespace
 *       ({@code http://notification-controller.<namespace>.svc.<domain>./}), and source-watcher's
 *       {@code --storage-adv-addr} named source-controller; from v2.7.2 on both use
 *       {@code $(RUNTIME_NAMESPACE)} and source-watcher names itself.</li>
 * </ul>
 * The overlay had the same shape from v0.28.0 to v2.6.4. A pre-release counts as the release it
 * precedes; a version that is no release number ({@code latest} resolved elsewhere) as the newest.
 */
public final class OverlayRelease {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+].*)?");

    private final int major;
    private final int minor;
    private final int patch;

    private OverlayRelease(int major, int minor, int patch) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    /** The overlay of Flux {@code version} ({@code v2.6.4}, {@code 2.7.0}, {@code v2.9.0-rc.1}). */
    public static OverlayRelease of(String version) {
        Matcher matcher = VERSION.matcher(version == null ? "" : version.trim());
        if (!matcher.matches()) {
            return new OverlayRelease(Integer.MAX_VALUE, 0, 0);
        }
        return new OverlayRelease(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    /** Whether the instance, version and part-of labels go on the Deployments' pod templates too (v2.7.0+). */
    public boolean labelsPodTemplates() {
        return atLeast(2, 7, 0);
    }

    /** Whether {@code --events-addr} uses {@code $(RUNTIME_NAMESPACE)} rather than the namespace (v2.7.2+). */
    public boolean eventsAddressUsesRuntimeNamespace() {
        return atLeast(2, 7, 2);
    }

    /** The Service that {@code --storage-adv-addr} of {@code component} names. */
    public String storageService(String component) {
        return atLeast(2, 7, 2) ? component : "source-controller";
    }

    private boolean atLeast(int otherMajor, int otherMinor, int otherPatch) {
        if (major != otherMajor) {
            return major > otherMajor;
        }
        if (minor != otherMinor) {
            return minor > otherMinor;
        }
        return patch >= otherPatch;
    }
}
