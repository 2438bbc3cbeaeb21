package dev.fluxboot.testing.git;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.HostKeyScanner;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The test servers speak Git as real clients expect, and the key and known_hosts formats of
 * the git package are what OpenSSH reads: the git CLI (with OpenSSH for ssh://) clones and
 * pushes against both servers. Skipped where git or ssh is not installed.
 */
class GitCliAgainstTestServersTest {

    private GitRepositories repositories;
    private Path home;

    @BeforeEach
    void setUp(@TempDir Path tmp) throws Exception {
        assumeTrue(works("git", "--version"), "git not installed");
        repositories = new GitRepositories();
        repositories.create("org/fleet");
        repositories.commit("org/fleet", "main", Map.of("README.md", "hi\n"), "one");
        home = Files.createDirectory(tmp.resolve("home"));
    }

    @AfterEach
    void tearDown() {
        if (repositories != null) {
            repositories.close();
        }
    }

    @Test
    void gitClonesAndPushesOverHttpsWithTokenAndCaFile() throws Exception {
        TestCertificates certificates = TestCertificates.generate();
        try (HttpGitServer server = HttpGitServer.startHttps(repositories, certificates)) {
            server.authorizeBasic("git", "cli-token-123456", false);
            Path ca = certificates.writeCaFile(home);
            String url = server.url("org/fleet").replace("https://", "https://git:cli-token-123456@");

            cloneCommitPush(url, List.of(), Map.of("GIT_SSL_CAINFO", ca.toString()));

            assertThat(server.pushCount()).isEqualTo(1);
            assertThat(repositories.readFile("org/fleet", "main", "cli.txt")).contains("from git\n");
        }
    }

    @Test
    void gitClonesAndPushesOverSshWithGeneratedKeyAndScannedKnownHosts() throws Exception {
        // The PKCS#8 identity Flux writes for ECDSA, and the known_hosts line of a scan
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P384);
        cloneCommitPushOverSsh(key, key.privateKeyPem());
    }

    @Test
    void gitClonesAndPushesOverSshWithEd25519InOpenSshFormat() throws Exception {
        // OpenSSH reads no PKCS#8 Ed25519 keys, so this checks the OpenSSH export of one
        SshKeyPair key = new SshKeyGenerator().ed25519();
        cloneCommitPushOverSsh(key, key.toOpenSshPem());
    }

    private void cloneCommitPushOverSsh(SshKeyPair key, String identityText) throws Exception {
        assumeTrue(works("ssh", "-V"), "ssh not installed");
        try (SshGitServer server = SshGitServer.start(repositories)) {
            server.authorize(key.authorizedKey(), false);
            Path identity = Files.writeString(home.resolve("identity"), identityText);
            Files.setPosixFilePermissions(identity, PosixFilePermissions.fromString("rw-------"));
            Path knownHosts = Files.writeString(home.resolve("known_hosts"),
                    HostKeyScanner.scan(server.host(), server.port()) + "\n");
            String ssh = "ssh -F /dev/null -i " + identity + " -o IdentitiesOnly=yes -o BatchMode=yes"
                    + " -o StrictHostKeyChecking=yes -o UserKnownHostsFile=" + knownHosts;

            cloneCommitPush(server.url("org/fleet"), List.of(), Map.of("GIT_SSH_COMMAND", ssh));

            assertThat(server.pushCount()).isEqualTo(1);
            assertThat(repositories.readFile("org/fleet", "main", "cli.txt")).contains("from git\n");
        }
    }

    private void cloneCommitPush(String url, List<String> config, Map<String, String> env) throws Exception {
        Path work = home.resolve("work");
        run(env, git(config, "clone", "--depth", "1", "--branch", "main", url, work.toString()));
        assertThat(work.resolve("README.md")).hasContent("hi");
        Files.writeString(work.resolve("cli.txt"), "from git\n");
        run(env, git(config, "-C", work.toString(), "add", "cli.txt"));
        run(env, git(config, "-C", work.toString(), "-c", "user.name=CLI", "-c", "user.email=cli@example.com",
                "commit", "-q", "-m", "from the git CLI"));
        run(env, git(config, "-C", work.toString(), "push", "-q", "origin", "main"));
    }

    private static List<String> git(List<String> config, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(config);
        command.addAll(List.of(args));
        return command;
    }

    private void run(Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + out.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static boolean works(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
