package dev.fluxboot.cli;

import dev.fluxboot.Main;
import dev.fluxboot.UsageException;
import dev.fluxboot.bootstrap.InstallRequest;
import dev.fluxboot.bootstrap.RegistryCredentials;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The install flags as picocli reads them into an {@link InstallRequest}, before anything runs. */
class InstallFlagsTest {

    private static final BuildInfo BUILD = new BuildInfo("0.1.0", "v2.9.4");

    private static InstallRequest parse(Map<String, String> env, String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CommandLine commandLine = Main.commandLine(sink, sink, env, Prompter.none());
        ParseResult parsed = commandLine.parseArgs(args);
        FluxbootCommand root = commandLine.getCommand();
        InstallCommand install = parsed.subcommand().commandSpec().commandLine().getCommand();
        return install.request(root.globals(), BUILD);
    }

    private static InstallRequest parse(String... args) {
        return parse(Map.of(), args);
    }

    @Test
    void defaultsAreTheFluxCliDefaults() {
        InstallRequest request = parse("install");

        assertThat(request.export()).isFalse();
        assertThat(request.force()).isFalse();
        assertThat(request.version()).isEmpty();
        assertThat(request.manifests()).isEmpty();
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(request.options().version()).isEqualTo("v2.9.4");
        assertThat(request.options().namespace()).isEqualTo("flux-system");
        assertThat(request.options().components())
                .containsExactly("source-controller", "kustomize-controller", "helm-controller", "notification-controller");
        assertThat(request.options().componentsExtra()).isEmpty();
        assertThat(request.options().registry()).isEqualTo("ghcr.io/fluxcd");
        assertThat(request.options().imagePullSecret()).isEmpty();
        assertThat(request.options().watchAllNamespaces()).isTrue();
        assertThat(request.options().networkPolicy()).isTrue();
        assertThat(request.options().logLevel()).isEqualTo("info");
        assertThat(request.options().clusterDomain()).isEqualTo("cluster.local");
        assertThat(request.options().tolerationKeys()).isEmpty();
    }

    @Test
    void everyFlagReachesTheRequest() {
        InstallRequest request = parse("install", "--export", "-v", "v2.8.0", "--manifests", "bundle",
                "--components", "source-controller,kustomize-controller", "--components-extra", "image-reflector-controller",
                "--registry", "registry.example.com/flux", "--registry-creds", "bot:s3cr3t",
                "--image-pull-secret", "regcred", "--watch-all-namespaces=false", "--network-policy=false",
                "--log-level", "debug", "--cluster-domain", "k8s.example", "--toleration-keys", "a,b", "--force",
                "--kubeconfig", "/tmp/kc", "--context", "kind", "--timeout", "1h30m", "--verbose");

        assertThat(request.export()).isTrue();
        assertThat(request.force()).isTrue();
        assertThat(request.verbose()).isTrue();
        assertThat(request.version()).contains("v2.8.0");
        assertThat(request.manifests()).contains(Path.of("bundle"));
        assertThat(request.kubeconfig()).contains(Path.of("/tmp/kc"));
        assertThat(request.context()).contains("kind");
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(request.registryCredentials()).contains(new RegistryCredentials("bot", "s3cr3t"));
        assertThat(request.options().version()).isEqualTo("v2.8.0");
        assertThat(request.options().components()).containsExactly("source-controller", "kustomize-controller");
        assertThat(request.options().componentsExtra()).containsExactly("image-reflector-controller");
        assertThat(request.options().registry()).isEqualTo("registry.example.com/flux");
        assertThat(request.options().imagePullSecret()).isEqualTo("regcred");
        assertThat(request.options().watchAllNamespaces()).isFalse();
        assertThat(request.options().networkPolicy()).isFalse();
        assertThat(request.options().logLevel()).isEqualTo("debug");
        assertThat(request.options().clusterDomain()).isEqualTo("k8s.example");
        assertThat(request.options().tolerationKeys()).containsExactly("a", "b");
    }

    @Test
    void repeatedListFlagsAddUpAndReplaceTheDefault() {
        InstallRequest request = parse("install", "--components", "source-controller", "--components=helm-controller");

        assertThat(request.options().components()).containsExactly("source-controller", "helm-controller");
    }

    @Test
    void globalFlagsWorkBeforeAndAfterTheCommand() {
        InstallRequest before = parse("--namespace", "flux", "--timeout=90s", "install");
        InstallRequest after = parse("install", "-n", "flux", "--timeout=90s");

        assertThat(before.namespace()).isEqualTo("flux");
        assertThat(after.namespace()).isEqualTo("flux");
        assertThat(before.timeout()).isEqualTo(after.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void namespaceDefaultsToFluxSystemNamespaceVariableAndTheFlagWins() {
        assertThat(parse(Map.of("FLUX_SYSTEM_NAMESPACE", "gitops"), "install").namespace()).isEqualTo("gitops");
        assertThat(parse(Map.of("FLUX_SYSTEM_NAMESPACE", "gitops"), "install", "-n", "other").namespace())
                .isEqualTo("other");
    }

    @Test
    void booleanFlagsTakeExplicitValues() {
        InstallRequest request = parse("install", "--export=true", "--force=false", "--network-policy", "--watch-all-namespaces=true");

        assertThat(request.export()).isTrue();
        assertThat(request.force()).isFalse();
        assertThat(request.options().networkPolicy()).isTrue();
        assertThat(request.options().watchAllNamespaces()).isTrue();
    }

    @Test
    void manifestsWithoutVersionIsAUsageError() {
        assertThatThrownBy(() -> parse("install", "--manifests", "bundle"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--manifests requires --version");
    }

    @Test
    void registryCredsWithoutImagePullSecretIsAUsageError() {
        assertThatThrownBy(() -> parse("install", "--registry-creds", "bot:pw"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--registry-creds requires --image-pull-secret to be set");
    }

    @Test
    void registryCredsWithoutPasswordIsAUsageError() {
        for (String creds : List.of("bot", "bot:pass:word")) {
            assertThatThrownBy(() -> parse("install", "--registry-creds", creds, "--image-pull-secret", "regcred"))
                    .isInstanceOf(UsageException.class)
                    .hasMessage("invalid --registry-creds format, expected 'user:password'");
        }
    }

    @Test
    void unknownComponentIsAUsageError() {
        assertThatThrownBy(() -> parse("install", "--components-extra", "image-teleport-controller"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("image-teleport-controller");
    }

    @Test
    void versionThatIsNotAReleaseIsAUsageError() {
        assertThatThrownBy(() -> parse("install", "--version", "banana"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--version 'banana'");
        assertThat(parse("install", "--version", "latest").version()).contains("latest");
        assertThat(parse("install", "--version", "2.8.0").version()).contains("2.8.0");
    }

    @Test
    void badLogLevelIsAUsageError() {
        assertThatThrownBy(() -> parse("install", "--log-level", "chatty"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--log-level");
    }

    @Test
    void theRequestNeverShowsTheRegistryPassword() {
        InstallRequest request = parse("install", "--registry-creds", "bot:hunter2-secret", "--image-pull-secret", "regcred");

        assertThat(request.toString()).doesNotContain("hunter2-secret");
        assertThat(request.registryCredentials()).map(RegistryCredentials::password).contains("hunter2-secret");
        assertThat(Optional.of(request.registryCredentials().orElseThrow().toString()))
                .hasValueSatisfying(text -> assertThat(text).contains("bot").doesNotContain("hunter2"));
    }
}
