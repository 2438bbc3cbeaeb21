package dev.fluxboot.cli;

import dev.fluxboot.Main;
import dev.fluxboot.api.BuildInfo;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.api.InstallSpec;
import dev.fluxboot.api.Secret;
import dev.fluxboot.UsageException;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The install flags as picocli reads them into an {@link InstallSpec}, and the engine's checks of them, before anything runs. */
class InstallFlagsTest {

    private static final BuildInfo BUILD = new BuildInfo("0.1.0", "v2.9.4");
    private static final Fluxboot ENGINE = Fluxboot.builder().environment(Map.of()).build(BUILD).build();

    /** What the command line says: the spec, {@code --export} and the global flags. */
    private record Parsed(InstallSpec spec, boolean export, GlobalOptions globals) {
    }

    private static Parsed parse(Map<String, String> env, String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CommandLine commandLine = Main.commandLine(sink, sink, env, Prompter.none());
        ParseResult parsed = commandLine.parseArgs(args);
        FluxbootCommand root = commandLine.getCommand();
        InstallCommand install = parsed.subcommand().commandSpec().commandLine().getCommand();
        GlobalOptions globals = root.globals();
        return new Parsed(install.spec(globals), install.export(), globals);
    }

    private static InstallSpec parse(String... args) {
        return parse(Map.of(), args).spec();
    }

    /** Parsed, then checked as the engine checks it before a run. */
    private static InstallSpec checked(String... args) {
        InstallSpec spec = parse(args);
        ENGINE.validate(spec);
        return spec;
    }

    @Test
    void defaultsAreTheFluxCliDefaults() {
        Parsed parsed = parse(Map.of(), "install");
        InstallSpec spec = parsed.spec();

        assertThat(parsed.export()).isFalse();
        assertThat(spec.force()).isFalse();
        assertThat(spec.components().version()).isEmpty();
        assertThat(spec.components().manifests()).isEmpty();
        assertThat(spec.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.namespace()).isEqualTo("flux-system");
        assertThat(spec.components().components())
                .containsExactly("source-controller", "kustomize-controller", "helm-controller", "notification-controller");
        assertThat(spec.components().componentsExtra()).isEmpty();
        assertThat(spec.components().registry()).isEqualTo("ghcr.io/fluxcd");
        assertThat(spec.components().imagePullSecret()).isEmpty();
        assertThat(spec.components().watchAllNamespaces()).isTrue();
        assertThat(spec.components().networkPolicy()).isTrue();
        assertThat(spec.components().logLevel()).isEqualTo("info");
        assertThat(spec.components().clusterDomain()).isEqualTo("cluster.local");
        assertThat(spec.components().tolerationKeys()).isEmpty();
    }

    @Test
    void everyFlagReachesTheSpec() {
        Parsed parsed = parse(Map.of(), "install", "--export", "-v", "v2.8.0", "--manifests", "bundle",
                "--components", "source-controller,kustomize-controller", "--components-extra", "image-reflector-controller",
                "--registry", "registry.example.com/flux", "--registry-creds", "bot:s3cr3t",
                "--image-pull-secret", "regcred", "--watch-all-namespaces=false", "--network-policy=false",
                "--log-level", "debug", "--cluster-domain", "k8s.example", "--toleration-keys", "a,b", "--force",
                "--kubeconfig", "/tmp/kc", "--context", "kind", "--timeout", "1h30m", "--verbose");
        InstallSpec spec = parsed.spec();

        assertThat(parsed.export()).isTrue();
        assertThat(spec.force()).isTrue();
        assertThat(parsed.globals().verbose()).isTrue();
        assertThat(spec.components().version()).contains("v2.8.0");
        assertThat(spec.components().manifests()).contains(Path.of("bundle"));
        assertThat(spec.cluster().kubeconfig()).contains(Path.of("/tmp/kc"));
        assertThat(spec.cluster().context()).contains("kind");
        assertThat(spec.timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(spec.components().registryCredentials()).contains(Secret.of("bot:s3cr3t"));
        assertThat(spec.components().components()).containsExactly("source-controller", "kustomize-controller");
        assertThat(spec.components().componentsExtra()).containsExactly("image-reflector-controller");
        assertThat(spec.components().registry()).isEqualTo("registry.example.com/flux");
        assertThat(spec.components().imagePullSecret()).isEqualTo("regcred");
        assertThat(spec.components().watchAllNamespaces()).isFalse();
        assertThat(spec.components().networkPolicy()).isFalse();
        assertThat(spec.components().logLevel()).isEqualTo("debug");
        assertThat(spec.components().clusterDomain()).isEqualTo("k8s.example");
        assertThat(spec.components().tolerationKeys()).containsExactly("a", "b");
    }

    @Test
    void repeatedListFlagsAddUpAndReplaceTheDefault() {
        InstallSpec spec = parse("install", "--components", "source-controller", "--components=helm-controller");

        assertThat(spec.components().components()).containsExactly("source-controller", "helm-controller");
    }

    @Test
    void globalFlagsWorkBeforeAndAfterTheCommand() {
        InstallSpec before = parse("--namespace", "flux", "--timeout=90s", "install");
        InstallSpec after = parse("install", "-n", "flux", "--timeout=90s");

        assertThat(before.namespace()).isEqualTo("flux");
        assertThat(after.namespace()).isEqualTo("flux");
        assertThat(before.timeout()).isEqualTo(after.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void namespaceDefaultsToFluxSystemNamespaceVariableAndTheFlagWins() {
        assertThat(parse(Map.of("FLUX_SYSTEM_NAMESPACE", "gitops"), "install").spec().namespace()).isEqualTo("gitops");
        assertThat(parse(Map.of("FLUX_SYSTEM_NAMESPACE", "gitops"), "install", "-n", "other").spec().namespace())
                .isEqualTo("other");
    }

    @Test
    void booleanFlagsTakeExplicitValues() {
        Parsed parsed = parse(Map.of(), "install", "--export=true", "--force=false", "--network-policy",
                "--watch-all-namespaces=true");

        assertThat(parsed.export()).isTrue();
        assertThat(parsed.spec().force()).isFalse();
        assertThat(parsed.spec().components().networkPolicy()).isTrue();
        assertThat(parsed.spec().components().watchAllNamespaces()).isTrue();
    }

    @Test
    void manifestsWithoutVersionIsAUsageError() {
        assertThatThrownBy(() -> checked("install", "--manifests", "bundle"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--manifests requires --version: give the Flux release the manifests are of, e.g. --version=v2.9.4");
    }

    @Test
    void registryCredsWithoutImagePullSecretIsAUsageError() {
        assertThatThrownBy(() -> checked("install", "--registry-creds", "bot:pw"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--registry-creds requires --image-pull-secret to be set");
    }

    @Test
    void registryCredsWithoutPasswordIsAUsageError() {
        for (String creds : List.of("bot", "bot:pass:word")) {
            assertThatThrownBy(() -> checked("install", "--registry-creds", creds, "--image-pull-secret", "regcred"))
                    .isInstanceOf(UsageException.class)
                    .hasMessage("invalid --registry-creds format, expected 'user:password'");
        }
    }

    @Test
    void unknownComponentIsAUsageError() {
        assertThatThrownBy(() -> checked("install", "--components-extra", "image-teleport-controller"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("image-teleport-controller");
    }

    @Test
    void versionThatIsNotAReleaseIsAUsageError() {
        assertThatThrownBy(() -> checked("install", "--version", "banana"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--version 'banana'");
        assertThat(checked("install", "--version", "latest").components().version()).contains("latest");
        assertThat(checked("install", "--version", "2.8.0").components().version()).contains("2.8.0");
    }

    @Test
    void badLogLevelIsAUsageError() {
        assertThatThrownBy(() -> checked("install", "--log-level", "chatty"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--log-level");
    }

    @Test
    void theSpecNeverShowsTheRegistryPassword() {
        InstallSpec spec = checked("install", "--registry-creds", "bot:hunter2-secret", "--image-pull-secret", "regcred");

        assertThat(spec.toString()).doesNotContain("hunter2-secret");
        assertThat(spec.components().toString()).doesNotContain("hunter2-secret");
        assertThat(spec.components().registryCredentials().orElseThrow().toString()).isEqualTo("***");
        assertThat(spec.components().registryCredentials().orElseThrow().reveal()).isEqualTo("bot:hunter2-secret");
    }
}
