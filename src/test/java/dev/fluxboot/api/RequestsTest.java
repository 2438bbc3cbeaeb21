package dev.fluxboot.api;

import dev.fluxboot.UsageException;
import dev.fluxboot.bootstrap.BootstrapRequest;
import dev.fluxboot.bootstrap.InstallRequest;
import dev.fluxboot.bootstrap.RegistryCredentials;
import dev.fluxboot.githost.TeamAccess;
import dev.fluxboot.testing.RecordingReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Specs into the engine's requests: Flux's defaults filled in, every bad value refused naming its flag. */
class RequestsTest {

    private final Requests requests = new Requests(new BuildInfo("0.1.0", "v2.9.4"), Map.of(), new RecordingReporter());

    @Test
    void anInstallWithoutVersionInstallsTheDefaultRelease() {
        InstallRequest request = requests.install(InstallSpec.builder().build());

        assertThat(request.version()).isEmpty();
        assertThat(request.options().version()).isEqualTo("v2.9.4");
        assertThat(request.options()).isEqualTo(dev.fluxboot.manifests.overlay.InstallOptions.defaults("v2.9.4"));
    }

    @Test
    void registryCredentialsBecomeThePullSecretsUserAndPassword() {
        InstallRequest request = requests.install(InstallSpec.builder().components(Components.builder()
                .registryCredentials(Secret.of("bot:hunter2")).imagePullSecret("regcred").build()).build());

        assertThat(request.registryCredentials()).contains(new RegistryCredentials("bot", "hunter2"));
        assertThat(request.toString()).doesNotContain("hunter2");
    }

    @Test
    void aForgeBootstrapClonesOverHttpsWithTheTokenAndNeverAsks() {
        BootstrapRequest request = requests.bootstrap(BootstrapSpec.builder().path("./clusters/prod/")
                .forge(ForgeRepository.builder(ForgeType.GITHUB).token(Secret.of("t0ken")).owner("org").name("fleet")
                        .teams(List.of("platform", "viewers:pull")).build()).build());

        assertThat(request.silent()).isTrue();
        assertThat(request.auth().password()).isEqualTo("t0ken");
        assertThat(request.target().path()).isEqualTo("clusters/prod");
        assertThat(request.forge().orElseThrow().connection().hostname()).isEqualTo("github.com");
        assertThat(request.forge().orElseThrow().spec().teams())
                .containsExactly(new TeamAccess("platform", "maintain"), new TeamAccess("viewers", "pull"));
        assertThat(request.toString()).doesNotContain("t0ken");
    }

    @Test
    void teamsAreNameAndOptionalPermissionAsFluxMapsThem() {
        ForgeRepository.Builder forge = ForgeRepository.builder(ForgeType.GITHUB).token(Secret.of("t"));

        assertThat(Requests.teams(forge.teams(List.of("platform", "viewers:pull", " ", "ops:admin", "platform:push")).build()))
                .containsExactly(new TeamAccess("platform", "push"), new TeamAccess("viewers", "pull"),
                        new TeamAccess("ops", "admin"));
        assertThat(Requests.teams(ForgeRepository.builder(ForgeType.BITBUCKET_SERVER).token(Secret.of("t"))
                .teams(List.of("a:b:c")).build())).containsExactly(new TeamAccess("a:b:c", "push"));
        assertThatThrownBy(() -> Requests.teams(forge.teams(List.of(":admin")).build()))
                .isInstanceOf(UsageException.class);
    }

    static Stream<Arguments> visibilities() {
        return Stream.of(
                arguments(true, null, "private"),
                arguments(true, " ", "private"),
                arguments(true, " internal ", "internal"),
                arguments(false, "", "public"),
                arguments(false, "internal", "public"));
    }

    @ParameterizedTest(name = "private={0} visibility={1}: {2}")
    @MethodSource("visibilities")
    void privateFalseMakesAnyRepositoryPublicElseTheVisibilityCounts(boolean privateRepository, String visibility,
                                                                    String expected) {
        assertThat(ForgeRepository.builder(ForgeType.GITLAB).token(Secret.of("t"))
                .visibility(privateRepository, visibility).build().visibility()).isEqualTo(expected);
    }

    static Stream<Arguments> badSpecs() {
        ForgeRepository.Builder github = ForgeRepository.builder(ForgeType.GITHUB).token(Secret.of("t")).owner("org")
                .name("fleet");
        return Stream.of(
                arguments("namespace", (Supplier<Object>) () -> InstallSpec.builder().namespace("Flux_System").build(),
                        "--namespace \"Flux_System\" is not a valid DNS label"),
                arguments("no url", (Supplier<Object>) () -> BootstrapSpec.builder().build(), "--url is required"),
                arguments("plain http", (Supplier<Object>) () -> BootstrapSpec.builder().url("http://git.example/r.git")
                        .build(), "scheme http is insecure, pass --allow-insecure-http=true to allow it"),
                arguments("token auth without token", (Supplier<Object>) () -> BootstrapSpec.builder()
                        .url("https://git.example/r.git").credentials(GitCredentials.builder().tokenAuth(true).build())
                        .build(), "--token-auth needs the password or token"),
                arguments("secret name", (Supplier<Object>) () -> BootstrapSpec.builder().url("ssh://git@h/r.git")
                        .secretName("Not_A_Name").build(), "--secret-name \"Not_A_Name\" is not a valid Secret name"),
                arguments("no owner", (Supplier<Object>) () -> BootstrapSpec.builder().forge(github.owner("").build())
                        .build(), "--owner is required"),
                arguments("api url", (Supplier<Object>) () -> BootstrapSpec.builder().forge(github.owner("org")
                        .apiUrl("http://api.example").build()).build(), "--api-url http://api.example is not an https URL"),
                arguments("gitlab visibility", (Supplier<Object>) () -> BootstrapSpec.builder().forge(ForgeRepository
                        .builder(ForgeType.GITLAB).token(Secret.of("t")).owner("g").name("r").visibility("secret").build())
                        .build(), "unsupported visibility 'secret' (--visibility)"),
                arguments("bitbucket host", (Supplier<Object>) () -> BootstrapSpec.builder().forge(ForgeRepository
                        .builder(ForgeType.BITBUCKET_SERVER).token(Secret.of("t")).owner("P").name("r").build()).build(),
                        "invalid hostname \"\": pass --hostname"),
                arguments("bootstrap components", (Supplier<Object>) () -> BootstrapSpec.builder().url("ssh://git@h/r.git")
                        .install(InstallSpec.builder().components(Components.builder()
                                .components(List.of("source-controller")).build()).build()).build(),
                        "--components: component kustomize-controller is required by bootstrap"),
                arguments("kept folder on plain git", (Supplier<Object>) () -> UninstallSpec.builder()
                        .fromGit(UninstallSpec.FromGit.builder().url("ssh://git@h/r.git").keepFolder(true).build()).build(),
                        "keeping the folder is for a forge"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void aBadValueIsAUsageErrorNamingItsFlag(String what, Supplier<Object> spec, String message) {
        Object built = spec.get();
        assertThatThrownBy(() -> {
            if (built instanceof InstallSpec install) {
                requests.install(install);
            } else if (built instanceof UninstallSpec uninstall) {
                requests.uninstall(uninstall);
            } else {
                requests.bootstrap((BootstrapSpec) built);
            }
        }).isInstanceOf(UsageException.class).hasMessageStartingWith(message);
    }
}
