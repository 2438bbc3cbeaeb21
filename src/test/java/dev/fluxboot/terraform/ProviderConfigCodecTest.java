package dev.fluxboot.terraform;

import dev.fluxboot.api.ForgeType;
import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Attribute;
import dev.fluxboot.terraform.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider block: flux's checks, its defaults, its secrets. */
class ProviderConfigCodecTest {

    private static final Schema SCHEMA = ProviderSchemas.provider();

    /** An object of the nested attribute {@code path} (names from the top), null except {@code set}. */
    private static CtyValue.ObjectValue nested(List<String> path, Map<String, CtyValue> set) {
        List<Attribute> attributes = SCHEMA.attributes();
        for (String name : path) {
            attributes = attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().nestedAttributes();
        }
        Map<String, CtyValue> values = new TreeMap<>();
        for (Attribute attribute : attributes) {
            values.put(attribute.name(), set.getOrDefault(attribute.name(), CtyValue.NULL));
        }
        return CtyValue.object(values);
    }

    private static CtyValue.ObjectValue provider(CtyValue kubernetes, CtyValue git) {
        return CtyValue.object(Map.of("kubernetes", kubernetes, "git", git));
    }

    private static CtyValue.ObjectValue git(String url, Map<String, CtyValue> more) {
        Map<String, CtyValue> values = new TreeMap<>(more);
        values.put("url", CtyValue.string(url));
        return nested(List.of("git"), values);
    }

    @Test
    void readsBothBlocksWithFluxDefaultsAndKeepsSecretsOutOfToString() {
        // Given
        CtyValue.ObjectValue config = provider(
                nested(List.of("kubernetes"), Map.of("host", CtyValue.string("https://10.0.0.1:6443"),
                        "token", CtyValue.string("s3cr3t-token"),
                        "exec", nested(List.of("kubernetes", "exec"), Map.of("api_version",
                                CtyValue.string("client.authentication.k8s.io/v1"), "command", CtyValue.string("aws"),
                                "args", CtyValue.list(List.of(CtyValue.string("eks"))))),
                        "config_paths", CtyValue.NULL)),
                git("ssh://git@example.com/org/fleet.git", Map.of("ssh", nested(List.of("git", "ssh"),
                        Map.of("private_key", CtyValue.string("-----BEGIN OPENSSH PRIVATE KEY-----"))))));

        // When
        ProviderConfig decoded = ProviderConfigCodec.decode(config, Map.of("KUBE_CONFIG_PATHS", "/a:/b"));

        // Then
        assertThat(decoded.isConfigured()).isTrue();
        ProviderConfig.Git git = decoded.git().orElseThrow();
        assertThat(git.url()).contains(URI.create("ssh://git@example.com/org/fleet.git"));
        assertThat(git.branch()).isEqualTo("main");
        assertThat(git.authorName()).isEqualTo("Flux");
        assertThat(git.ssh().orElseThrow().privateKey().orElseThrow().reveal()).isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----");
        ProviderConfig.Kubernetes kubernetes = decoded.kubernetes().orElseThrow();
        assertThat(kubernetes.host()).contains("https://10.0.0.1:6443");
        assertThat(kubernetes.configPaths()).containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(kubernetes.exec().orElseThrow().args()).containsExactly("eks");
        assertThat(decoded.toString()).doesNotContain("s3cr3t-token", "PRIVATE KEY").contains("(sensitive)");
    }

    @Test
    void takesKubeConfigPathFromTheEnvironmentOnlyWhenNotConfigured() {
        // Given
        CtyValue.ObjectValue unset = provider(nested(List.of("kubernetes"), Map.of()), git("https://example.com/fleet.git", Map.of()));
        CtyValue.ObjectValue set = provider(nested(List.of("kubernetes"), Map.of("config_path", CtyValue.string("/mine"))),
                git("https://example.com/fleet.git", Map.of()));
        Map<String, String> env = Map.of("KUBE_CONFIG_PATH", "/from/env");

        // When / Then
        assertThat(ProviderConfigCodec.decode(unset, env).kubernetes().orElseThrow().configPath()).contains(Path.of("/from/env"));
        assertThat(ProviderConfigCodec.decode(set, env).kubernetes().orElseThrow().configPath()).contains(Path.of("/mine"));
    }

    @Test
    void neitherBlockIsAnUnconfiguredProviderAndGitAloneIsAnError() {
        assertThat(ProviderConfigCodec.decode(provider(CtyValue.NULL, CtyValue.NULL), Map.of()))
                .isEqualTo(ProviderConfig.unconfigured());
        assertThatThrownBy(() -> ProviderConfigCodec.decode(provider(CtyValue.NULL,
                git("https://example.com/fleet.git", Map.of())), Map.of()))
                .hasMessage("the provider has git but no kubernetes settings: configure both, or neither");
    }

    @Test
    void kubernetesAloneOrGitWithoutUrlIsEnoughForTheForgesButNotForBootstrapGit() {
        // Given
        CtyValue kubernetes = nested(List.of("kubernetes"), Map.of("config_path", CtyValue.string("/kube/config")));
        CtyValue gitWithoutUrl = nested(List.of("git"), Map.of("branch", CtyValue.string("fleet")));

        // When
        ProviderConfig alone = ProviderConfigCodec.decode(provider(kubernetes, CtyValue.NULL), Map.of());
        ProviderConfig withoutUrl = ProviderConfigCodec.decode(provider(kubernetes, gitWithoutUrl), Map.of());

        // Then
        assertThat(alone.kubernetes()).isPresent();
        assertThat(alone.git()).isEmpty();
        assertThat(alone.isConfigured()).isFalse();
        assertThat(withoutUrl.git().orElseThrow().url()).isEmpty();
        assertThat(withoutUrl.git().orElseThrow().branch()).isEqualTo("fleet");
        assertThat(withoutUrl.isConfigured()).isFalse();
        assertThat(ProviderConfigCodec.validate(provider(kubernetes, gitWithoutUrl))).isEmpty();
    }

    @Test
    void theForgeTokenIsForgeTokenElseEachForgesVariableAndNeverPrinted() {
        // Given
        CtyValue kubernetes = nested(List.of("kubernetes"), Map.of("config_path", CtyValue.string("/kube/config")));
        Map<String, String> env = Map.of("GITHUB_TOKEN", "ghp_fromEnvironment0123", "GITEA_TOKEN", " ",
                "GITLAB_TOKEN", "glpat-fromEnvironment");
        CtyValue.ObjectValue withToken = CtyValue.object(Map.of("kubernetes", kubernetes, "git", CtyValue.NULL,
                "forge", nested(List.of("forge"), Map.of("token", CtyValue.string("ghp_configuredToken4567")))));

        // When
        ProviderConfig fromEnvironment = ProviderConfigCodec.decode(provider(kubernetes, CtyValue.NULL), env);
        ProviderConfig configured = ProviderConfigCodec.decode(withToken, env);

        // Then
        assertThat(fromEnvironment.forge().token(ForgeType.GITHUB)).map(SensitiveText::reveal).contains("ghp_fromEnvironment0123");
        assertThat(fromEnvironment.forge().token(ForgeType.GITLAB)).map(SensitiveText::reveal).contains("glpat-fromEnvironment");
        assertThat(fromEnvironment.forge().token(ForgeType.GITEA)).as("blank is no token").isEmpty();
        assertThat(fromEnvironment.forge().token(ForgeType.BITBUCKET_SERVER)).isEmpty();
        for (ForgeType forge : ForgeType.values()) {
            assertThat(configured.forge().token(forge)).map(SensitiveText::reveal).contains("ghp_configuredToken4567");
        }
        assertThat(configured.toString() + fromEnvironment).doesNotContain("ghp_", "glpat-");
    }

    static Stream<Arguments> invalidGitSettings() {
        return Stream.of(
                Arguments.of("not a URL with a host", git("example.com:org/fleet.git", Map.of()), List.of("git", "url")),
                Arguments.of("a file URL", git("file:///srv/fleet.git", Map.of()), List.of("git", "url")),
                Arguments.of("http settings for ssh", git("ssh://git@example.com/fleet.git",
                        Map.of("http", nested(List.of("git", "http"), Map.of()))), List.of("git", "http")),
                Arguments.of("ssh settings for https", git("https://example.com/fleet.git",
                        Map.of("ssh", nested(List.of("git", "ssh"), Map.of()))), List.of("git", "ssh")),
                Arguments.of("http without allow_insecure_http", git("http://example.com/fleet.git", Map.of()),
                        List.of("git", "http", "allow_insecure_http")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidGitSettings")
    void rejectsGitSettingsThatCannotWork(String what, CtyValue.ObjectValue git, List<String> path) {
        // When
        List<Diagnostic> diagnostics = ProviderConfigCodec.validate(provider(CtyValue.NULL, git));

        // Then
        assertThat(diagnostics).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.isError()).isTrue();
            assertThat(diagnostic.attributePath()).isEqualTo(path);
        });
    }

    @Test
    void acceptsHttpWhenAllowedAndSkipsWhatIsNotKnownYet() {
        CtyValue.ObjectValue allowed = git("http://example.com/fleet.git", Map.of("http", nested(List.of("git", "http"),
                Map.of("allow_insecure_http", CtyValue.bool(true)))));
        CtyValue.ObjectValue unknownUrl = nested(List.of("git"), Map.of("url", CtyValue.UNKNOWN,
                "ssh", nested(List.of("git", "ssh"), Map.of())));

        assertThat(ProviderConfigCodec.validate(provider(CtyValue.NULL, allowed))).isEmpty();
        assertThat(ProviderConfigCodec.validate(provider(CtyValue.NULL, unknownUrl))).isEmpty();
    }

    @Test
    void theSecretAttributesAreSensitive() {
        // When
        List<String> sensitive = sensitivePaths(SCHEMA.attributes(), "");

        // Then
        assertThat(sensitive).containsExactlyInAnyOrder("kubernetes.password", "kubernetes.token", "kubernetes.client_key",
                "git.gpg_passphrase", "git.ssh.private_key", "git.ssh.password", "git.http.password", "forge.token");
    }

    private static List<String> sensitivePaths(List<Attribute> attributes, String prefix) {
        List<String> paths = new java.util.ArrayList<>();
        for (Attribute attribute : attributes) {
            if (attribute.sensitive()) {
                paths.add(prefix + attribute.name());
            }
            paths.addAll(sensitivePaths(attribute.nestedAttributes(), prefix + attribute.name() + "."));
        }
        return paths;
    }

    @Test
    void anUnconfiguredProviderIsNotConfigured() {
        assertThat(ProviderConfig.unconfigured().isConfigured()).isFalse();
        assertThat(new ProviderConfig(Optional.empty(), Optional.empty())).isEqualTo(ProviderConfig.unconfigured());
    }
}
