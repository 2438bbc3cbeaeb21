package dev.fluxboot.testing.forge;

import dev.fluxboot.testing.RecordingReporter;

import dev.fluxboot.git.GitAuth;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.git.TransportOptions;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.RateLimitWaiter;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.HttpGitServer;
import dev.fluxboot.testing.git.SshGitServer;
import dev.fluxboot.testing.git.TestCertificates;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Git side of a fake forge: a test CA (written as a {@code --ca-file}), repositories, the
 * SSH Git server the forge's deploy keys open, and the smart-HTTP server its tokens open; plus
 * connections to a fake API and a rate-limit waiter that records its waits instead of sleeping.
 */
public final class ForgeTestBed implements AutoCloseable {

    private final TestCertificates certificates = TestCertificates.generate();
    private final GitRepositories repositories = new GitRepositories();
    private final SshGitServer ssh = SshGitServer.start(repositories);
    private final HttpGitServer gitHttp = HttpGitServer.startHttps(repositories, certificates);
    private final Path caFile;
    private final RecordingReporter reporter = new RecordingReporter();
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    public ForgeTestBed(Path tempDir) {
        this.caFile = certificates.writeCaFile(tempDir);
    }

    public TestCertificates certificates() {
        return certificates;
    }

    public GitRepositories repositories() {
        return repositories;
    }

    public SshGitServer ssh() {
        return ssh;
    }

    public HttpGitServer gitHttp() {
        return gitHttp;
    }

    public RecordingReporter reporter() {
        return reporter;
    }

    /** The waits the rate-limit waiter would have slept. */
    public List<Duration> waits() {
        synchronized (waits) {
            return List.copyOf(waits);
        }
    }

    /** The fixed "now" of {@link #rateLimits(String, Duration)}. */
    public Instant now() {
        return now;
    }

    /**
     * A connection as {@code bootstrap <forge>} would make it: {@code --hostname} the Git HTTPS
     * server (clone URLs), {@code --api-url} the fake API, {@code --ssh-hostname} the SSH server,
     * {@code --ca-file} the test CA.
     */
    public ForgeConnection connection(String token, String apiUrl, Duration timeout) {
        return new ForgeConnection(token, "127.0.0.1:" + gitHttp.port(), Optional.of(URI.create(apiUrl)), Optional.of(caFile),
                Map.of(), timeout, Optional.of("127.0.0.1:" + ssh.port()), reporter);
    }

    /** A waiter on a clock stopped at {@link #now()} that records waits instead of sleeping. */
    public RateLimitWaiter rateLimits(String forge, Duration timeout) {
        return new RateLimitWaiter(forge, timeout, reporter, Clock.fixed(now, ZoneOffset.UTC), waits::add);
    }

    /** Git over SSH with this key, trusting the SSH server's host key. */
    public GitRemote sshRemote(String url, SshKeyPair key) {
        return GitRemote.of(url, new GitAuth.SshKey(key, ssh.knownHosts(), List.of()), TransportOptions.defaults());
    }

    /** Git over HTTPS with basic auth (user, token), trusting the test CA. */
    public GitRemote httpsRemote(String url, String user, String token) {
        return GitRemote.of(url, new GitAuth.Basic(user, token),
                TransportOptions.defaults().withCaCertificates(certificates.caPem()));
    }

    @Override
    public void close() {
        gitHttp.close();
        ssh.close();
        repositories.close();
    }
}
