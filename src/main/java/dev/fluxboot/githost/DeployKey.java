package dev.fluxboot.githost;

/**
 * A deploy key as Flux registers it.
 *
 * @param title     {@code <namespace>-<branch>-<secret-name>-<path>}, empty parts left out: the title
 *                  the Flux CLI registers (so either tool finds the other's key)
 * @param publicKey the {@code authorized_keys} line ({@code ecdsa-sha2-nistp384 AAAA...})
 * @param readOnly  false with {@code --read-write-key}
 */
public record DeployKey(String title, String publicKey, boolean readOnly) {

    /**
     * The title the Flux CLI gives a cluster's key: {@link #title} with the path as its {@code --path}
     * flag holds it, {@code ./<path>} (nothing for the root), e.g. flux-system-main-flux-system-./clusters/prod.
     *
     * @param cleanPath the sync path without {@code ./} or slashes at the ends, empty for the root
     */
    public static String fluxTitle(String namespace, String branch, String secretName, String cleanPath) {
        return title(namespace, branch, secretName, cleanPath.isEmpty() ? "" : "./" + cleanPath);
    }

    /** Flux's title: the non-empty parts joined with "-". */
    public static String title(String namespace, String branch, String secretName, String path) {
        var parts = new java.util.ArrayList<String>();
        for (String part : new String[] {namespace, branch, secretName, path}) {
            if (part != null && !part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("-", parts);
    }
}
