package dev.fluxboot.cli;

import dev.fluxboot.testing.KubeApiServerSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kubeconfig user whose credentials come from an {@code exec} plugin: fluxboot runs the plugin
 * within {@code --timeout} and, when it hangs, is missing, fails or prints something else than an
 * ExecCredential, says so in one line with the plugin's own reason, instead of hanging or going on
 * as {@code system:anonymous}. A plugin that answers with the test server's client certificate
 * works. Real kube-apiserver, real plugin scripts.
 */
class ExecCredentialPluginTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a plugin that waits longer than --timeout (a login prompt that never comes)
            "hangs|sleep 20|\"PLUGIN\" did not finish within --timeout=2s; run it yourself to see what it waits for"
                    + " (a login, a network); check --kubeconfig/--context",
            "fails|echo 'error: the refresh token expired, run: cloud auth login' >&2; exit 3"
                    + "|\"PLUGIN\" failed with exit code 3: error: the refresh token expired, run: cloud auth login;"
                    + " check --kubeconfig/--context",
            "garbage|echo 'Please open https://login.example.com and enter ABCD-1234'"
                    + "|\"PLUGIN\" printed no ExecCredential; run it yourself to see what it prints (it must print an"
                    + " ExecCredential of client.authentication.k8s.io/v1 as JSON); check --kubeconfig/--context",
            "no-token|echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'"
                    + "|\"PLUGIN\" printed an ExecCredential without status.token or a client certificate and key;"
                    + " run it yourself to see what it prints (it must print an ExecCredential of"
                    + " client.authentication.k8s.io/v1 as JSON); check --kubeconfig/--context"})
    void aPluginThatDoesNotAnswerIsOneLineWithItsReason(String name, String script, String reason) throws IOException {
        // Given
        Path plugin = plugin(name, script);
        Path kubeconfig = kubeconfig(plugin.toString());

        // When
        CliRun run = CliRun.run(Map.of("HOME", work.toString(), "NO_COLOR", "1"), "check", "--pre",
                "--kubeconfig", kubeconfig.toString(), "--timeout", "2s");

        // Then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("✗ the credential plugin of kubeconfig user \"plugin-user\" "
                + reason.replace("PLUGIN", plugin.toString()));
    }

    @Test
    void aMissingPluginIsNamedWithItsInstallHint() throws IOException {
        Path kubeconfig = kubeconfig("kubectl-oidc-login-missing", "  installHint: |\n"
                + "    kubectl-oidc-login is needed: see https://example.com/install\n"
                + "    (second line)\n");

        CliRun run = CliRun.run(Map.of("HOME", work.toString(), "NO_COLOR", "1", "PATH", work.toString()),
                "check", "--pre", "--kubeconfig", kubeconfig.toString(), "--timeout", "2s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("✗ the credential plugin of kubeconfig user \"plugin-user\""
                + " \"kubectl-oidc-login-missing\" was not found (kubectl-oidc-login is needed: see"
                + " https://example.com/install); check --kubeconfig/--context");
    }

    @Test
    void aPluginThatAnswersWithACertificateIsUsed() throws IOException {
        // Given a plugin printing the admin's client certificate and key, found by a path relative to the kubeconfig
        String certificate = json(Files.readString(kube.workDir().resolve("client.crt")));
        String key = json(Files.readString(kube.workDir().resolve("client.key")));
        plugin("answers", "cat <<'END'\n{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"clientCertificateData\":\"" + certificate + "\",\"clientKeyData\":\"" + key + "\"}}\nEND");
        Path kubeconfig = kubeconfig("./answers.sh");

        // When
        CliRun run = CliRun.run(Map.of("HOME", work.toString(), "NO_COLOR", "1"), "check", "--pre",
                "--kubeconfig", kubeconfig.toString(), "--timeout", "20s");

        // Then the permission checks ran as the admin
        assertThat(run.errLines()).as(run.err()).contains("✔ can create customresourcedefinitions.apiextensions.k8s.io",
                "✔ can create namespaces");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private Path plugin(String name, String script) throws IOException {
        Path plugin = work.resolve(name + ".sh");
        Files.writeString(plugin, "#!/bin/sh\n" + script + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        return plugin;
    }

    private Path kubeconfig(String command) throws IOException {
        return kubeconfig(command, "");
    }

    private Path kubeconfig(String command, String extra) throws IOException {
        Path file = work.resolve("kubeconfig");
        Files.writeString(file, String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: test",
                "  cluster:",
                "    certificate-authority: " + kube.workDir().resolve("apiserver.crt"),
                "    server: " + kube.serverUrl(),
                "users:",
                "- name: plugin-user",
                "  user:",
                "    exec:",
                "      apiVersion: client.authentication.k8s.io/v1",
                "      command: " + command,
                "      interactiveMode: Never",
                extra.isEmpty() ? "" : extra.replaceAll("(?m)^  ", "      ").stripTrailing(),
                "contexts:",
                "- name: test",
                "  context:",
                "    cluster: test",
                "    user: plugin-user",
                "current-context: test",
                ""), StandardCharsets.UTF_8);
        return file;
    }
}
