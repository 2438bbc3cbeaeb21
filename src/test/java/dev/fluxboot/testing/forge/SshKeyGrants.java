package dev.fluxboot.testing.forge;

import dev.fluxboot.testing.git.SshGitServer;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands the deploy keys a fake forge stores to the {@link SshGitServer}: a key is authorized while
 * at least one stored deploy key holds it (the SSH server does not know repositories, so a key
 * registered on one repository opens all of them; tests use one repository per key or accept that).
 */
final class SshKeyGrants {

    private final SshGitServer ssh;
    /** key material ("type base64") to grant id to read-only flag. */
    private final Map<String, Map<String, Boolean>> grants = new HashMap<>();

    SshKeyGrants(SshGitServer ssh) {
        this.ssh = ssh;
    }

    synchronized void grant(String grantId, String authorizedKey, boolean readOnly) {
        String material = material(authorizedKey);
        grants.computeIfAbsent(material, k -> new HashMap<>()).put(grantId, readOnly);
        sync(material);
    }

    synchronized void revoke(String grantId, String authorizedKey) {
        String material = material(authorizedKey);
        Map<String, Boolean> holders = grants.get(material);
        if (holders != null) {
            holders.remove(grantId);
        }
        sync(material);
    }

    private void sync(String material) {
        Map<String, Boolean> holders = grants.getOrDefault(material, Map.of());
        if (holders.isEmpty()) {
            grants.remove(material);
            ssh.revoke(publicKey(material));
        } else {
            // Read-write when any holder may write.
            ssh.authorize(material, holders.values().stream().allMatch(Boolean::booleanValue));
        }
    }

    static String material(String authorizedKey) {
        String[] fields = authorizedKey.strip().split("\\s+");
        return fields[0] + " " + fields[1];
    }

    private static PublicKey publicKey(String material) {
        try {
            return PublicKeyEntry.parsePublicKeyEntry(material).resolvePublicKey(null, null, null);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an SSH public key: " + material, e);
        }
    }
}
