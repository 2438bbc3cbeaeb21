package dev.fluxboot.manifests.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstallOptionsValidatorTest {

    private static InstallOptions options(String namespace, List<String> components, List<String> extra,
                                          String registry, String pullSecret, String logLevel, String clusterDomain,
                                          List<String> tolerationKeys) {
        return new InstallOptions("v2.8.0", namespace, components, extra, registry, pullSecret, true, true, logLevel,
                clusterDomain, tolerationKeys);
    }

    private static InstallOptions defaults() {
        return InstallOptions.defaults("v2.8.0");
    }

    private static InstallOptions with(String namespace) {
        InstallOptions d = defaults();
        return options(namespace, d.components(), d.componentsExtra(), d.registry(), d.imagePullSecret(), d.logLevel(),
                d.clusterDomain(), d.tolerationKeys());
    }

    @Test
    void acceptsFluxDefaultsAndUsualValues() {
        assertThatCode(() -> InstallOptionsValidator.validate(defaults())).doesNotThrowAnyException();
        assertThatCode(() -> InstallOptionsValidator.validate(options("apps", List.of("source-controller"),
                List.of("source-watcher", "image-reflector-controller"), "registry.example.com:5000/mirror/flux",
                "regcred", "debug", "cluster.local", List.of("node.kubernetes.io/dedicated-to-flux", "flux"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> InstallOptionsValidator.validate(options("flux-system", List.of(), List.of(), "", "",
                "error", "k8s.internal", List.of()))).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnInvalidNamespace() {
        assertThatThrownBy(() -> InstallOptionsValidator.validate(with("Flux_System")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--namespace: 'Flux_System' is not a valid namespace name");
        assertThatThrownBy(() -> InstallOptionsValidator.validate(with("a".repeat(64))))
                .hasMessageStartingWith("--namespace:");
        assertThatThrownBy(() -> InstallOptionsValidator.validate(with("")))
                .hasMessageStartingWith("--namespace:");
    }

    @Test
    void rejectsUnknownAndRepeatedComponentsNamingTheFlag() {
        InstallOptions d = defaults();
        assertThatThrownBy(() -> InstallOptionsValidator.validate(options("flux-system", List.of("source-controller", "foo"),
                List.of(), "ghcr.io/fluxcd", "", "info", "cluster.local", List.of())))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--components: component foo is not available, must be one of: source-controller,");
        assertThatThrownBy(() -> InstallOptionsValidator.validate(options("flux-system", d.components(),
                List.of("image-automation-controller", "image-reflector"), "ghcr.io/fluxcd", "", "info", "cluster.local",
                List.of())))
                .hasMessageStartingWith("--components-extra: component image-reflector is not available");
        assertThatThrownBy(() -> InstallOptionsValidator.validate(options("flux-system", d.components(),
                List.of("source-controller"), "ghcr.io/fluxcd", "", "info", "cluster.local", List.of())))
                .hasMessageStartingWith("--components-extra: component source-controller is listed twice");
    }

    @Test
    void rejectsBadLogLevelRegistryPullSecretClusterDomainAndTolerationKeys() {
        InstallOptions d = defaults();
        assertThatThrownBy(() -> InstallOptionsValidator.validate(options("flux-system", d.components(), List.of(),
                "ghcr.io/fluxcd", "", "warn", "cluster.local", List.of())))
                .hasMessage("--log-level: unsupported log level 'warn', must be one of: debug, info, error");
        assertThatThrownBy(() -> InstallOptionsValidator.validate(options("flux-system", d.components(), List.of(),
                "https://ghcr.io/fluxcd", "", "info", "cluster.local", List.of())))
                .hasMessageStartingWith("--registry: 'https://ghcr.io/fluxcd' is not a container registry path");
        assertThatThrownBy(() -> InstallOptionsValidator.validate(options("flux-system", d.components(), List.of(),
                "ghcr.io/fluxcd/", "", "info", "cluster.local", List.of())))
                .hasMessageStartingWith("--registry:");
        assertThatThrownBy(() -> InstallOptionsValidator.validate(options("flux-system", d.components(), List.of(),
                "ghcr.io/fluxcd", "Reg_Cred", "info", "cluster.local", List.of())))
                .hasMessageStartingWith("--image-pull-secret: 'Reg_Cred' is not a valid secret name");
        assertThatThrownBy(() -> InstallOptionsValidator.validate(options("flux-system", d.components(), List.of(),
                "ghcr.io/fluxcd", "", "info", "cluster.local.", List.of())))
                .hasMessageStartingWith("--cluster-domain: 'cluster.local.' is not a domain name");
        assertThatThrownBy(() -> InstallOptionsValidator.validate(options("flux-system", d.components(), List.of(),
                "ghcr.io/fluxcd", "", "info", "cluster.local", List.of("bad key\""))))
                .hasMessageStartingWith("--toleration-keys: 'bad key\"' is not a valid taint key");
    }

    @Test
    void registryCredentialsNeedAPullSecretAndUserColonPasswordWithoutEchoingThem() {
        assertThatCode(() -> InstallOptionsValidator.validateRegistryCredentials("", "")).doesNotThrowAnyException();
        assertThatCode(() -> InstallOptionsValidator.validateRegistryCredentials("me:s3cret", "regcred"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> InstallOptionsValidator.validateRegistryCredentials("me:s3cret", ""))
                .isInstanceOf(UsageException.class)
                .hasMessage("--registry-creds requires --image-pull-secret to be set");
        assertThatThrownBy(() -> InstallOptionsValidator.validateRegistryCredentials("me:s3:cret", "regcred"))
                .hasMessage("invalid --registry-creds format, expected 'user:password'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3"));
    }

    @Test
    void bootstrapRequiresSourceAndKustomizeControllerWhereInstallDoesNot() {
        InstallOptions withoutKustomize = options("flux-system", List.of("source-controller", "helm-controller"), List.of(),
                "ghcr.io/fluxcd", "", "info", "cluster.local", List.of());

        assertThatCode(() -> InstallOptionsValidator.validate(withoutKustomize)).doesNotThrowAnyException();
        assertThatThrownBy(() -> InstallOptionsValidator.requireBootstrapComponents(withoutKustomize))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--components: component kustomize-controller is required by bootstrap")
                .satisfies(e -> assertThat(((UsageException) e).exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatCode(() -> InstallOptionsValidator.requireBootstrapComponents(defaults())).doesNotThrowAnyException();
    }
}
