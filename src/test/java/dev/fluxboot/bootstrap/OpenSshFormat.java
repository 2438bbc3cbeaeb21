package dev.fluxboot.bootstrap;

import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Iterator;

/**
 * source-controller reads private keys with Go's x/crypto/ssh, which takes PKCS#8 Ed25519 keys
 * (what Flux generates); OpenSSH 9.2 does not. The stand-in converts those, and only those, to
 * the OpenSSH format before handing them to ssh.
 */
final class OpenSshFormat {

    private OpenSshFormat() {
    }

    static String readableByOpenSsh(String pem) {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            return pem;
        }
        try {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, null,
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)), FilePasswordProvider.EMPTY);
            Iterator<KeyPair> it = pairs.iterator();
            KeyPair pair = it.next();
            if (!pair.getPublic().getAlgorithm().toLowerCase().contains("ed")
                    || pair.getPublic().getAlgorithm().equalsIgnoreCase("EC")) {
                return pem;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "", null, out);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (Exception e) {
            return pem; // let ssh say what is wrong with it
        }
    }
}
