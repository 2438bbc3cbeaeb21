package dev.fluxboot.cli;

import dev.fluxboot.Main;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flux CLI's connection flags through the real command, against a real kube-apiserver: a cluster
 * reached from flags alone (no kubeconfig anywhere), impersonation, {@code --cluster}/{@code --user}
 * over a context that points elsewhere, and bad values as one usage line before anything connects.
 */
class ConnectionFlagsTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static String ca;
    private static String certificate;
    private static String key;

    @TempDir
    Path home;

    @BeforeAll
    static void files() {
        ca = kube.workDir().resolve("apiserver.crt").toString();
        certificate = kube.workDir().resolve("client.crt").toString();
        key = kube.workDir().resolve("client.key").toString();
    }

    private Map<String, String> env() {
        return Map.of("HOME", home.toString(), "NO_COLOR", "1");
    }

    private CliRun checkPre(String... flags) {
        List<String> args = new ArrayList<>(List.of("check", "--pre", "--timeout", "30s"));
        args.addAll(List.of(flags));
        return CliRun.run(env(), args.toArray(String[]::new));
    }

    private static String[] flagsOnly(String... more) {
        List<String> args = new ArrayList<>(List.of("--server", kube.serverUrl(), "--certificate-authority", ca,
                "--client-certificate", certificate, "--client-key", key));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void flagsAloneReachTheClusterWithoutAnyKubeconfig() {
        CliRun run = checkPre(flagsOnly());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).contains("✔ can create customresourcedefinitions.apiextensions.k8s.io",
                "✔ can create namespaces");
    }

    @Test
    void globalFlagsWorkBeforeTheCommandToo() {
        List<String> args = new ArrayList<>(List.of(flagsOnly()));
        args.addAll(List.of("check", "--pre"));

        CliRun run = CliRun.run(env(), args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void impersonationChecksThePermissionsOfTheImpersonatedUser() {
        CliRun alice = checkPre(flagsOnly("--as", "alice"));
        CliRun aliceAsAdmin = checkPre(flagsOnly("--as", "alice", "--as-group", "devs", "--as-group", "system:masters",
                "--as-uid", "42", "--as-user-extra", "team=platform"));

        assertThat(alice.exitCode()).isEqualTo(1);
        assertThat(alice.err()).doesNotContain("✔ can create namespaces");
        assertThat(aliceAsAdmin.exitCode()).as(aliceAsAdmin.err()).isZero();
        assertThat(aliceAsAdmin.errLines()).contains("✔ can create namespaces");
    }

    @Test
    void clusterAndUserFlagsOverrideAContextThatPointsElsewhere() throws IOException {
        Path kubeconfig = home.resolve("kubeconfig");
        Files.writeString(kubeconfig, String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: gone",
                "  cluster:",
                "    server: https://127.0.0.1:1",
                "- name: test",
                "  cluster:",
                "    certificate-authority: " + ca,
                "    server: " + kube.serverUrl(),
                "users:",
                "- name: nobody",
                "  user:",
                "    token: not-a-token",
                "- name: admin",
                "  user:",
                "    client-certificate: " + certificate,
                "    client-key: " + key,
                "contexts:",
                "- name: elsewhere",
                "  context:",
                "    cluster: gone",
                "    user: nobody",
                "current-context: elsewhere",
                ""));

        CliRun asIs = checkPre("--kubeconfig", kubeconfig.toString());
        CliRun overridden = checkPre("--kubeconfig", kubeconfig.toString(), "--context", "elsewhere",
                "--cluster", "test", "--user", "admin");

        assertThat(asIs.exitCode()).isEqualTo(1);
        assertThat(overridden.exitCode()).as(overridden.err()).isZero();
        assertThat(overridden.errLines()).contains("✔ can create namespaces");
    }

    @Test
    void insecureSkipTlsVerifyNeedsNoCertificateAuthority() {
        CliRun run = checkPre("--server", kube.serverUrl(), "--insecure-skip-tls-verify",
                "--client-certificate", certificate, "--client-key", key);

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // no certificate authority: the server's certificate is not trusted
            "--server|SERVER|unable to find valid certification path to requested target",
            // a name the server's certificate is not for
            "--tls-server-name|example.org|the server's certificate is not valid for --tls-server-name example.org"})
    void aServerThatCannotBeTrustedIsOneFailureLine(String flag, String value, String reason) {
        List<String> args = new ArrayList<>(List.of("--server", kube.serverUrl(), "--client-certificate", certificate,
                "--client-key", key));
        if (flag.equals("--tls-server-name")) {
            args.addAll(List.of("--certificate-authority", ca, flag, value));
        }

        CliRun run = checkPre(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("► checking prerequisites", "✗ Kubernetes API call failed: cannot"
                + " reach the cluster at " + kube.serverUrl() + ": TLS failed (" + reason + "; the server's certificate"
                + " authority, --tls-server-name or --insecure-skip-tls-verify may be wrong); check --kubeconfig/--context");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--certificate-authority|{MISSING}|--certificate-authority {MISSING}: file not found",
            "--client-certificate|{MISSING}|--client-certificate {MISSING}: file not found",
            "--client-key|{MISSING}|--client-key {MISSING}: file not found",
            "--certificate-authority|{GARBAGE}|--certificate-authority {GARBAGE} holds no PEM certificate; give a file with"
                    + " \"-----BEGIN CERTIFICATE-----\" blocks",
            "--client-certificate|{KEY}|--client-certificate {KEY} holds no PEM certificate; give a file with"
                    + " \"-----BEGIN CERTIFICATE-----\" blocks",
            "--client-key|{CERTIFICATE}|--client-key {CERTIFICATE} holds no unencrypted PEM private key; give the key that"
                    + " belongs to the client certificate",
            "--server|https://|--server \"https://\" is not a URL: use https://HOST[:PORT]",
            "--as-group|devs|--as-group, --as-uid and --as-user-extra impersonate a user: name the user with --as too",
            "--as-user-extra|team|--as-user-extra \"team\" is not KEY=VALUE"})
    void aBadValueIsOneUsageLineNamingTheFlag(String flag, String value, String message) throws IOException {
        // Given
        Path garbage = home.resolve("garbage.pem");
        Files.writeString(garbage, "not PEM at all\n");
        Map<String, String> places = Map.of("{MISSING}", home.resolve("missing.pem").toString(),
                "{GARBAGE}", garbage.toString(), "{KEY}", key, "{CERTIFICATE}", certificate);
        String resolved = places.getOrDefault(value, value);
        List<String> args = new ArrayList<>(List.of("--server", kube.serverUrl(), "--certificate-authority", ca));
        if (!flag.equals("--server") && !flag.equals("--certificate-authority")) {
            args.addAll(List.of(flag, resolved));
        } else {
            args.set(args.indexOf(flag) + 1, resolved);
        }

        // When
        CliRun run = checkPre(args.toArray(String[]::new));

        // Then
        String expected = message;
        for (Map.Entry<String, String> place : places.entrySet()) {
            expected = expected.replace(place.getKey(), place.getValue());
        }
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("✗ " + expected);
    }

    @Test
    void insecureAndACertificateAuthorityTogetherAreAUsageError() {
        CliRun run = checkPre(flagsOnly("--insecure-skip-tls-verify"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("✗ --insecure-skip-tls-verify and --certificate-authority cannot be"
                + " used together: a server whose certificate is not checked needs no certificate authority; drop one of them");
    }

    @Test
    void aTokenNeverShowsInTheOutput() {
        CliRun run = checkPre("--server", kube.serverUrl(), "--certificate-authority", ca, "--token", "s3cr3t-token",
                "--verbose");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out() + run.err()).doesNotContain("s3cr3t-token");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // flags                                   | FLUX_NS_FOLLOWS_KUBE_CONTEXT | FLUX_SYSTEM_NAMESPACE | namespace
            "-                                         | -    | -     | flux-system",
            "--ns-follows-kube-context                 | -    | -     | team-a",
            "--ns-follows-kube-context=false           | -    | -     | flux-system",
            "-                                         | true | -     | team-a",
            "--ns-follows-kube-context -n apps         | -    | -     | apps",
            "--ns-follows-kube-context                 | -    | infra | infra",
            "--ns-follows-kube-context --context other | -    | -     | flux-system"})
    void theNamespaceFollowsTheKubeContextWhenAskedAndNotGiven(String flags, String follows, String systemNamespace,
                                                              String namespace) throws IOException {
        // Given a kubeconfig whose current context has namespace team-a and another context without one
        Path kubeconfig = home.resolve("namespaced");
        Files.writeString(kubeconfig, String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: test",
                "  cluster:",
                "    server: " + kube.serverUrl(),
                "contexts:",
                "- name: team",
                "  context:",
                "    cluster: test",
                "    namespace: team-a",
                "- name: other",
                "  context:",
                "    cluster: test",
                "current-context: team",
                ""));
        Map<String, String> env = new HashMap<>(env());
        if (follows != null) {
            env.put("FLUX_NS_FOLLOWS_KUBE_CONTEXT", follows);
        }
        if (systemNamespace != null) {
            env.put("FLUX_SYSTEM_NAMESPACE", systemNamespace);
        }
        List<String> args = new ArrayList<>(List.of("version", "--client", "--kubeconfig", kubeconfig.toString()));
        if (flags != null) {
            args.addAll(List.of(flags.split(" ")));
        }

        // When
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CommandLine commandLine = Main.commandLine(sink, sink, env, Prompter.none());
        commandLine.parseArgs(args.toArray(String[]::new));
        FluxbootCommand root = commandLine.getCommand();

        // Then
        assertThat(root.globals().namespace()).isEqualTo(namespace);
    }
}
