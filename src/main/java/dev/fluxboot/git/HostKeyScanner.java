package dev.fluxboot.git;

import dev.fluxboot.ui.Failures;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Reads an SSH server's host key, as {@code flux bootstrap} does to write {@code known_hosts}
 * (trust on first use). No authentication is attempted: the connection closes after the key
 * exchange.
 */
public final class HostKeyScanner {

    /** Flux's scan timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Go's x/crypto/ssh default preference (ECDSA, RSA, then Ed25519: the key Flux's own scan
     * writes), without the SHA-1 {@code ssh-rsa} signature current OpenSSH no longer offers.
     */
    private static final List<BuiltinSignatures> DEFAULT_ORDER = List.of(
            BuiltinSignatures.nistp256, BuiltinSignatures.nistp384, BuiltinSignatures.nistp521,
            BuiltinSignatures.rsaSHA256, BuiltinSignatures.rsaSHA512, BuiltinSignatures.ed25519);
    /** Names an explicit {@code --ssh-hostkey-algos} may give besides the defaults (a deliberate opt-in, as in OpenSSH). */
    private static final List<BuiltinSignatures> ACCEPTED = List.of(
            BuiltinSignatures.nistp256, BuiltinSignatures.nistp384, BuiltinSignatures.nistp521,
            BuiltinSignatures.rsaSHA256, BuiltinSignatures.rsaSHA512, BuiltinSignatures.rsa,
            BuiltinSignatures.ed25519);

    private HostKeyScanner() {
    }

    /**
     * Connects to {@code host:port} and returns the known_hosts line for the key the server
     * presents ({@code host key} or {@code [host]:port key}), without a trailing newline.
     *
     * @param hostKeyAlgorithms host key algorithms to offer, most preferred first (e.g.
     *                          {@code rsa-sha2-512}, {@code ssh-ed25519}); empty for Go's defaults
     * @throws UsageException      for an unknown algorithm name
     * @throws FluxbootException   when no key could be read
     */
    public static String scan(String host, int port, List<String> hostKeyAlgorithms, Duration timeout) {
        Objects.requireNonNull(host, "host");
        List<NamedFactory<Signature>> signatures = signatures(hostKeyAlgorithms);
        String target = KnownHosts.hostPattern(host, port);
        AtomicReference<PublicKey> captured = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        SshClient client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setSignatureFactories(signatures);
        client.setKeyExchangeFactories(SshAlgorithms.keyExchanges());
        client.setCipherFactories(SshAlgorithms.ciphers());
        client.setMacFactories(SshAlgorithms.macs());
        client.setServerKeyVerifier((session, address, key) -> {
            captured.compareAndSet(null, key);
            return true;
        });
        // the session ends without an exception to the caller when the algorithms do not match: keep why
        client.addSessionListener(new SessionListener() {
            @Override
            public void sessionNegotiationEnd(Session session, Map<KexProposalOption, String> clientProposal,
                                              Map<KexProposalOption, String> serverProposal,
                                              Map<KexProposalOption, String> negotiated, Throwable reason) {
                if (reason != null) {
                    failure.compareAndSet(null, reason);
                }
            }

            @Override
            public void sessionException(Session session, Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
        try {
            client.start();
            try (ClientSession session = client.connect("fluxboot", host, port)
                    .verify(timeout).getSession()) {
                session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.WAIT_AUTH,
                        ClientSession.ClientSessionEvent.CLOSED), timeout);
            }
        } catch (IOException | RuntimeException e) {
            if (captured.get() == null) {
                failure.compareAndSet(null, e);
            }
        } finally {
            client.stop();
        }
        PublicKey key = captured.get();
        if (key == null) {
            throw new FluxbootException("SSH key scan for host " + target + " failed: " + (failure.get() == null
                    ? "the server closed the connection before presenting a host key" : describe(failure.get())));
        }
        Optional<String> weakness = SshAlgorithms.weakness(key);
        if (weakness.isPresent()) {
            throw new FluxbootException("SSH key scan for host " + target + " failed: " + weakness.get());
        }
        return KnownHosts.line(host, port, key);
    }

    public static String scan(String host, int port) {
        return scan(host, port, List.of(), DEFAULT_TIMEOUT);
    }

    /**
     * Checks {@code --ssh-hostkey-algos} names.
     *
     * @throws UsageException naming the unsupported one and the supported ones
     */
    public static void checkAlgorithms(List<String> names) {
        if (names != null && !names.isEmpty()) {
            signatures(names);
        }
    }

    private static List<NamedFactory<Signature>> signatures(List<String> names) {
        List<NamedFactory<Signature>> result = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            DEFAULT_ORDER.stream().filter(BuiltinSignatures::isSupported).forEach(result::add);
            return result;
        }
        for (String name : names) {
            BuiltinSignatures signature = BuiltinSignatures.fromFactoryName(name.strip());
            if (signature == null || !signature.isSupported() || !ACCEPTED.contains(signature)) {
                String supported = ACCEPTED.stream().filter(BuiltinSignatures::isSupported)
                        .map(BuiltinSignatures::getName).collect(Collectors.joining(", "));
                throw new UsageException("unsupported SSH host key algorithm '" + name
                        + "' (--ssh-hostkey-algos), supported: " + supported);
            }
            result.add(signature);
        }
        return result;
    }

    private static String describe(Throwable e) {
        return SshAlgorithms.describeNegotiationFailure(e).orElseGet(() -> Failures.reason(e));
    }
}
