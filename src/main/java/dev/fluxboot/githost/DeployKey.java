package dev.fluxboot.githost;

/**
 * A deploy key as Flux registers it.
 *
 * @param title     {@code <namespace>-<secret-name>-<branch>-<path>}, empty parts left out, the order
 *                  Flux's {@code deployKeyName} uses (so either tool finds the other's key)
 * @param publicKey the {@code authorized_keys} line ({@code ecdsa-sha2-nistp384 AAAA...})
 * @param readOnly  false with {@code --read-write-key}
 */
public record DeployKey(String title, String publicKey, boolean readOnly) {

    /** Flux's title: the non-empty parts joined with "-". */
    public static String title(String namespace, String secretName, String branch, String path) {
        var parts = new java.util.ArrayList<String>();
        for (String part : new String[] {namespace, secretName, branch, path}) {
            if (part != null && !part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("-", parts);
    }
}
