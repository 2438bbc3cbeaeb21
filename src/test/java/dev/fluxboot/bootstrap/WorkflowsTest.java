package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.KubeConnection;
import dev.fluxboot.git.CommitDetails;
import dev.fluxboot.githost.Forge;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.manifests.overlay.InstallOptions;
import dev.fluxboot.testing.RecordingReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The shape of every workflow: which steps, in which order, for which request (the products are checked when each is built). */
class WorkflowsTest {

    static Stream<Arguments> workflows() {
        return Stream.of(
                arguments("install --export", Workflows.export(),
                        List.of("resolve manifests", "generate components")),
                arguments("install", Workflows.install(install(Optional.empty())),
                        List.of("resolve manifests", "generate components", "connect to cluster", "check existing flux",
                                "apply components", "verify installation")),
                arguments("install with --registry-creds", Workflows.install(install(Optional.of(credentials()))),
                        List.of("resolve manifests", "generate components", "connect to cluster", "check existing flux",
                                "apply components", "image pull secret", "verify installation")),
                arguments("install --dry-run", Workflows.installDryRun(),
                        List.of("resolve manifests", "generate components", "connect to cluster", "plan install")),
                arguments("bootstrap git", Workflows.bootstrap(bootstrap(Optional.empty(), Optional.empty())),
                        List.of("connect to cluster", "check cluster", "check sync path", "locate repository",
                                "source credentials", "clone", "resolve manifests", "generate components",
                                "check kustomization", "commit components", "install components", "source secret", "sync manifests",
                                "apply sync", "wait for sync", "wait for components")),
                arguments("bootstrap on a forge with --registry-creds",
                        Workflows.bootstrap(bootstrap(Optional.of(forge(false)), Optional.of(credentials()))),
                        List.of("connect to cluster", "check cluster", "check sync path", "connect to forge",
                                "reconcile repository", "source credentials", "clone", "resolve manifests",
                                "generate components", "check kustomization", "commit components", "install components", "image pull secret",
                                "source secret", "deploy key", "sync manifests", "apply sync", "wait for sync",
                                "wait for components")),
                arguments("bootstrap gitlab --deploy-token-auth",
                        Workflows.bootstrap(bootstrap(Optional.of(forge(true)), Optional.empty())),
                        List.of("connect to cluster", "check cluster", "check sync path", "connect to forge",
                                "reconcile repository", "source credentials", "clone", "resolve manifests",
                                "generate components", "check kustomization", "commit components", "install components", "deploy token",
                                "source secret", "deploy key", "sync manifests", "apply sync", "wait for sync",
                                "wait for components")),
                arguments("bootstrap git --dry-run", Workflows.bootstrapDryRun(bootstrap(Optional.empty(), Optional.empty())),
                        List.of("connect to cluster", "check cluster", "check sync path", "locate repository",
                                "source credentials", "clone", "resolve manifests", "generate components",
                                "check kustomization", "commit components", "sync manifests", "show git changes", "plan cluster")),
                arguments("bootstrap on a forge --dry-run",
                        Workflows.bootstrapDryRun(bootstrap(Optional.of(forge(false)), Optional.empty())),
                        List.of("connect to cluster", "check cluster", "check sync path", "connect to forge",
                                "reconcile repository", "source credentials", "clone", "resolve manifests",
                                "generate components", "check kustomization", "commit components", "sync manifests", "show git changes",
                                "plan cluster", "deploy key")),
                arguments("uninstall", Workflows.uninstall(uninstall(Optional.empty())),
                        List.of("connect to cluster", "survey installation", "confirm uninstall", "uninstall")),
                arguments("uninstall --from-git git", Workflows.uninstall(uninstall(Optional.of(plainRemoval()))),
                        List.of("connect to cluster", "survey installation", "confirm uninstall", "removal credentials", "uninstall",
                                "remove from git")),
                arguments("uninstall --from-git github", Workflows.uninstall(uninstall(Optional.of(forgeRemoval()))),
                        List.of("connect to cluster", "survey installation", "confirm uninstall", "uninstall", "connect to forge",
                                "remove from forge")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void runsItsStepsInOrder(String command, Workflow workflow, List<String> steps) {
        assertThat(workflow.stepNames()).containsExactlyElementsOf(steps);
    }

    private static RegistryCredentials credentials() {
        return new RegistryCredentials("bot", "pw");
    }

    private static InstallRequest install(Optional<RegistryCredentials> credentials) {
        return new InstallRequest(InstallOptions.defaults("v2.9.4"), Optional.empty(), Optional.of("v2.9.4"),
                credentials, false, KubeConnection.defaults());
    }

    private static ForgeRequest forge(boolean deployTokenAuth) {
        ForgeConnection connection = new ForgeConnection("token", "gitlab.com", Optional.empty(), Optional.empty(),
                Map.of(), Duration.ofMinutes(1), Optional.empty(), new RecordingReporter());
        return new ForgeRequest(Forge.GITLAB, connection, null, new RepositorySpec("org", "fleet", false, "private", "",
                "main", List.of(), false), false, deployTokenAuth);
    }

    private static BootstrapRequest bootstrap(Optional<ForgeRequest> forge, Optional<RegistryCredentials> credentials) {
        return new BootstrapRequest(install(credentials), new SyncTarget("ssh://git@host/org/fleet", "main",
                "clusters/prod", Duration.ofMinutes(1), false, "flux-system"), SourceAuth.builder().build(),
                new CommitSettings("Flux", "", "", null), true, forge);
    }

    private static UninstallRequest.FromGit plainRemoval() {
        return new UninstallRequest.FromGit("clusters/prod/flux-system", "main", new CommitDetails("Flux", "", "Remove"),
                Optional.of(new UninstallRequest.PlainRemote("ssh://git@host/org/fleet", SourceAuth.builder().build(),
                        "flux-system")), Optional.empty());
    }

    private static UninstallRequest.FromGit forgeRemoval() {
        return new UninstallRequest.FromGit("clusters/prod/flux-system", "main", new CommitDetails("Flux", "", "Remove"),
                Optional.empty(), Optional.of(new UninstallRequest.ForgeRemoval(new RepositorySpec("org", "fleet", false,
                "private", "", "main", List.of(), false), "git", "flux-system-main-flux-system-./clusters/prod")));
    }

    private static UninstallRequest uninstall(Optional<UninstallRequest.FromGit> fromGit) {
        return new UninstallRequest("flux-system", false, true, fromGit);
    }
}
