package dev.fluxboot.terraform;

import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** flux_bootstrap_git's checks of a resource configuration, as fluxboot_bootstrap_git makes them. */
class BootstrapGitValidationTest {

    private static final Schema SCHEMA = ProviderSchemas.bootstrapGit("v2.9.4");

    private static List<Diagnostic> validate(Map<String, CtyValue> set) {
        return BootstrapGitCodec.validate(TerraformCore.config(SCHEMA, set));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(Map.of("components", CtyValue.stringSet(List.of("source-controller", "kustomize-controller", "image-reflector-controller"))),
                        "components", "unknown component \"image-reflector-controller\""),
                Arguments.of(Map.of("components", CtyValue.stringSet(List.of("source-controller", "helm-controller"))),
                        "components", "must include source-controller and kustomize-controller"),
                Arguments.of(Map.of("components_extra", CtyValue.stringSet(List.of("helm-controller"))),
                        "components_extra", "unknown extra component \"helm-controller\""),
                Arguments.of(Map.of("namespace", CtyValue.string("Flux_System")), "namespace", "is not a DNS label"),
                Arguments.of(Map.of("secret_name", CtyValue.string("-auth")), "secret_name", "is not a DNS subdomain"),
                Arguments.of(Map.of("image_pull_secret", CtyValue.string("a..b")), "image_pull_secret", "is not a DNS subdomain"),
                Arguments.of(Map.of("log_level", CtyValue.string("trace")), "log_level", "must be info, debug or error"),
                Arguments.of(Map.of("version", CtyValue.string("2.8.1")), "version", "must be latest or a release starting with 'v'"),
                Arguments.of(Map.of("interval", CtyValue.string("soon")), "interval", "is not a positive duration"),
                Arguments.of(Map.of("interval", CtyValue.string("0s")), "interval", "is not a positive duration"),
                Arguments.of(Map.of("toleration_keys", CtyValue.stringSet(List.of("-bad"))), "toleration_keys", "must start with a letter"),
                Arguments.of(Map.of("registry_credentials", CtyValue.string("user:pass")), "registry_credentials", "needs image_pull_secret"),
                Arguments.of(Map.of("registry_credentials", CtyValue.string("no-colon-s3cret"),
                        "image_pull_secret", CtyValue.string("regcred")), "registry_credentials", "must be 'user:password'"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("invalid")
    void rejectsWhatFluxRejects(Map<String, CtyValue> set, String attribute, String message) {
        // When
        List<Diagnostic> diagnostics = validate(set);

        // Then
        assertThat(diagnostics).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.isError()).isTrue();
            assertThat(diagnostic.attributePath()).containsExactly(attribute);
            assertThat(diagnostic.detail()).contains(message).doesNotContain("s3cret");
        });
    }

    @Test
    void aTimeoutThatIsNoDurationIsAnErrorAtItsPath() {
        CtyValue timeouts = CtyValue.object(Map.of("create", CtyValue.string("ages"), "read", CtyValue.NULL,
                "update", CtyValue.string("30m"), "delete", CtyValue.NULL));

        assertThat(validate(Map.of("timeouts", timeouts))).singleElement().satisfies(diagnostic ->
                assertThat(diagnostic.attributePath()).containsExactly("timeouts", "create"));
    }

    @Test
    void acceptsAFullValidConfigurationAndWhatIsNotKnownYet() {
        assertThat(validate(Map.of(
                "path", CtyValue.string("clusters/prod"),
                "namespace", CtyValue.string("flux-system"),
                "version", CtyValue.string("latest"),
                "components_extra", CtyValue.stringSet(List.of("image-reflector-controller", "source-watcher")),
                "interval", CtyValue.string("90s"),
                "log_level", CtyValue.string("debug"),
                "toleration_keys", CtyValue.stringSet(List.of("node.kubernetes.io_role", "dedicated")),
                "registry_credentials", CtyValue.string("user:pass"),
                "image_pull_secret", CtyValue.string("regcred")))).isEmpty();
        assertThat(validate(Map.of("namespace", CtyValue.UNKNOWN, "components", CtyValue.UNKNOWN,
                "registry_credentials", CtyValue.UNKNOWN))).isEmpty();
    }
}
