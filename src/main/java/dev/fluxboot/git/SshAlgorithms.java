package dev.fluxboot.git;

import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.common.signature.BuiltinSignatures;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSH algorithms fluxboot's own connections offer: what current OpenSSH offers by default
 * (9.x and 10.x {@code ssh_config} defaults), so no SHA-1 signature ({@code ssh-rsa}), no CBC
 * cipher and no SHA-1 MAC, and RSA host keys of at least {@value #MIN_RSA_BITS} bits. Of those
 * lists, the names Apache MINA SSHD implements, in OpenSSH's order. A server that has none of an
 * offered kind is named with what it has instead.
 *
 * <p>JGit's transport takes the key exchange, host key and cipher lists from its SSH config;
 * it has no setting for MACs and keeps MINA's list (SHA-2 first, as OpenSSH; both still end with
 * {@code hmac-sha1}), which only matters with a CTR cipher. The host key scan (which runs first
 * in a bootstrap) sets all four.
 */
public final class SshAlgorithms {

    /** OpenSSH's {@code RequiredRSASize} is 1024; 2048 is what NIST has required since 2013. */
    public static final int MIN_RSA_BITS = 2048;

    /**
     * OpenSSH's order without {@code sntrup761x25519}: the Flux CLI's Go SSH does not offer it either,
     * and its key generation in Java costs about a second of a fresh process's CPU on every connection
     * (OpenSSH 8.5 to 9.8 servers, which prefer it, then agree on {@code curve25519-sha256}, as with Flux).
     * The post-quantum hybrid offered is ML-KEM's, cheap in Java.
     */
    private static final List<String> KEX = List.of("mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256",
            "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256");
    private static final List<String> HOST_KEYS = List.of("ssh-ed25519-cert-v01@openssh.com",
            "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com",
            "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com",
            "rsa-sha2-256-cert-v01@openssh.com", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512",
            "rsa-sha2-256");
    private static final List<String> CIPHERS = List.of("chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr",
            "aes256-ctr", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com");
    /** OpenSSH's MACs without the SHA-1 ones (and the UMACs, which MINA lacks). */
    private static final List<String> MACS = List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
            "hmac-sha2-256", "hmac-sha2-512");

    private static final Pattern NEGOTIATION = Pattern.compile(
            "Unable to negotiate key exchange for (.+?) \\(client: (.*?) / server: (.*?)\\)");

    private SshAlgorithms() {
    }

    /** Key exchange algorithm names, for JGit's {@code KexAlgorithms}. */
    public static List<String> keyExchangeNames() {
        return KEX.stream().filter(name -> supported(BuiltinDHFactories.fromFactoryName(name))).toList();
    }

    /** Host key (signature) algorithm names, for JGit's {@code HostKeyAlgorithms}. */
    public static List<String> hostKeyNames() {
        return HOST_KEYS.stream().filter(name -> {
            BuiltinSignatures signature = BuiltinSignatures.fromFactoryName(name);
            return signature != null && signature.isSupported();
        }).toList();
    }

    /** Cipher names, for JGit's {@code Ciphers}. */
    public static List<String> cipherNames() {
        return CIPHERS.stream().filter(name -> {
            BuiltinCiphers cipher = BuiltinCiphers.fromFactoryName(name);
            return cipher != null && cipher.isSupported();
        }).toList();
    }

    static List<KeyExchangeFactory> keyExchanges() {
        List<KeyExchangeFactory> factories = new ArrayList<>();
        for (String name : keyExchangeNames()) {
            factories.add(ClientBuilder.DH2KEX.apply(BuiltinDHFactories.fromFactoryName(name)));
        }
        return factories;
    }

    static List<NamedFactory<Cipher>> ciphers() {
        List<NamedFactory<Cipher>> factories = new ArrayList<>();
        for (String name : cipherNames()) {
            factories.add(BuiltinCiphers.fromFactoryName(name));
        }
        return factories;
    }

    static List<NamedFactory<Mac>> macs() {
        List<NamedFactory<Mac>> factories = new ArrayList<>();
        for (String name : MACS) {
            BuiltinMacs mac = BuiltinMacs.fromFactoryName(name);
            if (mac != null && mac.isSupported()) {
                factories.add(mac);
            }
        }
        return factories;
    }

    private static boolean supported(BuiltinDHFactories factory) {
        return factory != null && factory.isSupported();
    }

    /** MINA's description of a negotiated kind, as a person names it. */
    private static String kind(String description) {
        if (description.startsWith("kex")) {
            return "key exchange algorithm";
        }
        if (description.startsWith("server host key")) {
            return "host key algorithm";
        }
        if (description.startsWith("encryption")) {
            return "cipher";
        }
        if (description.startsWith("mac")) {
            return "MAC algorithm";
        }
        return description.replaceAll("\\s*\\(.*\\)", "");
    }

    /** Why a host key is too weak to trust, if it is: an RSA key shorter than {@value #MIN_RSA_BITS} bits. */
    static Optional<String> weakness(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            return Optional.of("its RSA host key has " + rsa.getModulus().bitLength() + " bits; fluxboot accepts RSA"
                    + " host keys of " + MIN_RSA_BITS + " bits or more: give the server a stronger key (ssh-keygen -t"
                    + " ed25519)");
        }
        return Optional.empty();
    }

    /**
     * A failed algorithm negotiation anywhere in the failure's chain, in words: which kind the
     * server lacked, what it offered, and what fluxboot offers.
     */
    static Optional<String> describeNegotiationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() == null) {
                continue;
            }
            Matcher matcher = NEGOTIATION.matcher(t.getMessage());
            if (matcher.find()) {
                String kind = kind(matcher.group(1).toLowerCase(Locale.ROOT));
                return Optional.of("the SSH server offers no " + kind + " that fluxboot accepts: it offers "
                        + matcher.group(3) + ", fluxboot offers " + matcher.group(2) + " (OpenSSH's defaults, without"
                        + " SHA-1 and CBC); update the server's SSH configuration");
            }
        }
        return Optional.empty();
    }
}
