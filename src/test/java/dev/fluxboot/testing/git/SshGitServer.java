package dev.fluxboot.testing.git;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.common.AttributeRepository;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SSH Git server on 127.0.0.1 (random port) in the test JVM: Apache MINA SSHD with JGit's
 * upload/receive pack (protocol v2 for fetches when the client asks, as JGit and git do). Public key authentication only, for the keys currently authorized (tests
 * and fake forges add and remove them at run time, optionally read-only). Serves the
 * repositories of a {@link GitRepositories} as {@code ssh://git@127.0.0.1:<port>/org/repo.git}.
 */
public final class SshGitServer implements AutoCloseable {

    private static final AttributeRepository.AttributeKey<String> CLIENT_KEY = new AttributeRepository.AttributeKey<>();

    private final SshServer server;
    private final GitServices services;
    private final List<KeyPair> hostKeys;
    /** authorized_keys line (type + base64) to read-only flag. */
    private final Map<String, Boolean> authorized = new ConcurrentHashMap<>();
    private final AtomicInteger refusedAuthentications = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<String> lastUser = new java.util.concurrent.atomic.AtomicReference<>();

    private SshGitServer(GitRepositories repositories, List<KeyPair> hostKeys,
                         java.util.function.Consumer<SshServer> tuning) throws IOException {
        this.services = new GitServices(repositories);
        this.hostKeys = List.copyOf(hostKeys);
        this.server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(this.hostKeys));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setPublickeyAuthenticator((username, key, session) -> {
            String line = PublicKeyEntry.toString(key);
            lastUser.set(username);
            if (authorized.containsKey(line)) {
                session.setAttribute(CLIENT_KEY, line);
                return true;
            }
            refusedAuthentications.incrementAndGet();
            return false;
        });
        server.setCommandFactory((channel, command) -> new GitCommand(command));
        server.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
            @Override
            public void sessionCreated(org.apache.sshd.common.session.Session session) {
                sessions.incrementAndGet();
            }
        });
        tuning.accept(server);
        server.start();
    }

    /** Starts a server with one ECDSA P-256 host key. */
    public static SshGitServer start(GitRepositories repositories) {
        return start(repositories, List.of(generateHostKey("ecdsa")));
    }

    /** Starts a server presenting the given host keys. */
    public static SshGitServer start(GitRepositories repositories, List<KeyPair> hostKeys) {
        return start(repositories, hostKeys, server -> { });
    }

    /**
     * Starts a server presenting the given host keys, after {@code tuning} has had its say: an old
     * or misconfigured server (only {@code ssh-rsa} signatures, CBC ciphers, SHA-1 MACs) is a
     * server whose algorithm lists were narrowed there.
     */
    public static SshGitServer start(GitRepositories repositories, List<KeyPair> hostKeys,
                                     java.util.function.Consumer<SshServer> tuning) {
        try {
            return new SshGitServer(repositories, hostKeys, tuning);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A host key: {@code ecdsa} (P-256), {@code rsa} (2048), {@code rsa1024} (too weak) or {@code ed25519}. */
    public static KeyPair generateHostKey(String type) {
        try {
            return switch (type) {
                case "ecdsa" -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"));
                    yield g.generateKeyPair();
                }
                case "rsa" -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048);
                    yield g.generateKeyPair();
                }
                case "rsa1024" -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(1024);
                    yield g.generateKeyPair();
                }
                case "ed25519" -> {
                    KeyPairGenerator g = SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA);
                    g.initialize(new org.bouncycastle.jcajce.spec.EdDSAParameterSpec("Ed25519"));
                    yield g.generateKeyPair();
                }
                default -> throw new IllegalArgumentException(type);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getPort();
    }

    /** {@code ssh://git@127.0.0.1:<port>/org/repo.git}. */
    public String url(String repository) {
        return "ssh://git@" + host() + ":" + port() + "/" + GitRepositories.normalize(repository) + ".git";
    }

    public List<PublicKey> hostPublicKeys() {
        return hostKeys.stream().map(KeyPair::getPublic).toList();
    }

    /** known_hosts lines for every host key: {@code [127.0.0.1]:<port> <type> <base64>}. */
    public String knownHosts() {
        StringBuilder lines = new StringBuilder();
        for (KeyPair key : hostKeys) {
            lines.append('[').append(host()).append("]:").append(port()).append(' ')
                    .append(PublicKeyEntry.toString(key.getPublic())).append('\n');
        }
        return lines.toString();
    }

    /** Lets this key fetch and push. */
    public void authorize(PublicKey key) {
        authorized.put(PublicKeyEntry.toString(key), false);
    }

    /** Lets this key fetch only (like a read-only deploy key). */
    public void authorizeReadOnly(PublicKey key) {
        authorized.put(PublicKeyEntry.toString(key), true);
    }

    /** Authorizes an authorized_keys line ({@code type base64 [comment]}), as a forge's deploy key API would. */
    public void authorize(String authorizedKeyLine, boolean readOnly) {
        String[] parts = authorizedKeyLine.strip().split("\\s+");
        authorized.put(parts[0] + " " + parts[1], readOnly);
    }

    public void revoke(PublicKey key) {
        authorized.remove(PublicKeyEntry.toString(key));
    }

    public GitRepositories repositories() {
        return services.repositories();
    }

    /** Runs before each push is served, before the refs are advertised (the client sees the new state). */
    public void beforeReceive(ReceiveHook hook) {
        services.beforeReceive(hook);
    }

    /** Runs during each push, after the client chose its updates and before they are applied (a lost race). */
    public void duringReceive(ReceiveHook hook) {
        services.duringReceive(hook);
    }

    /** SSH sessions (connections) opened so far: each costs a client a key exchange and authentication. */
    public int sessionCount() {
        return sessions.get();
    }

    public int pushCount() {
        return services.pushCount();
    }

    public int fetchCount() {
        return services.fetchCount();
    }

    /** Upload packs (ref listings and fetches) that spoke protocol v2. */
    public int v2FetchCount() {
        return services.v2FetchCount();
    }

    /** The user name of the last authentication attempt. */
    public String lastUser() {
        return lastUser.get();
    }

    public int refusedAuthentications() {
        return refusedAuthentications.get();
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            // stopping a test server: nothing to do
        }
    }

    /** {@code git-upload-pack '/org/repo.git'} or {@code git-receive-pack '/org/repo.git'}. */
    private final class GitCommand implements Command {
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Thread thread;

        GitCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Session session = channel.getSession();
            String clientKey = session.getAttribute(CLIENT_KEY);
            String gitProtocol = env.getEnv().get("GIT_PROTOCOL");
            thread = new Thread(() -> run(clientKey, gitProtocol), "ssh-git-" + command);
            thread.setDaemon(true);
            thread.start();
        }

        private void run(String clientKey, String gitProtocol) {
            int status = 0;
            try {
                String[] parts = command.strip().split("\\s+", 2);
                String service = parts[0];
                if (service.equals("git") && parts.length == 2) {
                    String[] rest = parts[1].split("\\s+", 2);
                    service = "git-" + rest[0];
                    parts = new String[]{service, rest.length > 1 ? rest[1] : ""};
                }
                String path = parts.length > 1 ? parts[1].replace("'", "").replace("\"", "") : "";
                Optional<Repository> repository = services.repositories().find(path);
                Boolean readOnly = clientKey == null ? null : authorized.get(clientKey);
                if (readOnly == null) {
                    status = fail("ERROR: Permission denied (key no longer authorized)", 1);
                } else if (repository.isEmpty()) {
                    status = fail("ERROR: Repository not found.", 1);
                } else if (service.equals("git-upload-pack")) {
                    services.uploadPack(repository.get(), gitProtocol).upload(in, out, err);
                } else if (service.equals("git-receive-pack")) {
                    if (readOnly) {
                        status = fail("ERROR: The key you are authenticating with has been marked as read only.", 1);
                    } else {
                        String name = GitRepositories.normalize(path);
                        services.receiveStarting(name, repository.get());
                        ReceivePack pack = services.receivePack(name, repository.get());
                        pack.receive(in, out, err);
                    }
                } else {
                    status = fail("ERROR: unknown command " + service, 127);
                }
            } catch (Exception e) {
                status = fail("ERROR: " + e, 1);
            } finally {
                try {
                    out.flush();
                    err.flush();
                } catch (IOException ignored) {
                    // client gone
                }
                exit.onExit(status);
            }
        }

        private int fail(String message, int status) {
            try {
                err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException ignored) {
                // client gone
            }
            return status;
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    static boolean sameKey(PublicKey a, PublicKey b) {
        return KeyUtils.compareKeys(a, b);
    }
}
