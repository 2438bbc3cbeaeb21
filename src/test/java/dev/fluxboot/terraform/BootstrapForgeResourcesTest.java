package dev.fluxboot.terraform;

import dev.fluxboot.api.BootstrapSpec;
import dev.fluxboot.api.ForgeRepository;
import dev.fluxboot.api.ForgeType;
import dev.fluxboot.api.Secret;
import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Attribute;
import dev.fluxboot.terraform.schema.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four forge resources as the provider serves them: their schemas (fluxboot_bootstrap_git's
 * attributes and the forge's flags, with their presence, defaults and sensitivity), their checks, the
 * API spec their attributes map to (that of {@code fluxboot bootstrap <forge>}), and what they need
 * of the provider. No terraform binary, no engine.
 */
class BootstrapForgeResourcesTest {

    private static final String DEFAULT_VERSION = "v2.9.4";
    private static final String TOKEN = "ghp_providerTokenThatMustNeverShow0123";
    private static final ProviderConfig.Kubernetes KUBERNETES = new ProviderConfig.Kubernetes(Optional.empty(), List.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("https://127.0.0.1:6443"), Optional.empty(),
            Optional.empty(), Optional.of(new SensitiveText("kube-token")), Optional.empty(), Optional.empty(),
            Optional.empty(), false, Optional.empty(), Optional.empty());

    @TempDir
    Path dir;

    private FluxbootProvider provider;

    @BeforeEach
    void provider() {
        provider = new FluxbootProvider(DEFAULT_VERSION, Map.of(), new FakeBootstrapBackend(dir), new StopSignal(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static ProviderConfig withToken(ForgeType forge) {
        return new ProviderConfig(Optional.of(KUBERNETES), Optional.empty(),
                new ProviderConfig.Forge(Map.of(forge, new SensitiveText(TOKEN))));
    }

    /** One forge attribute as the schema must have it. */
    private record Expected(String name, Attribute.Presence presence, Optional<CtyValue> defaultValue, boolean replaces) {
        static Expected required(String name, boolean replaces) {
            return new Expected(name, Attribute.Presence.REQUIRED, Optional.empty(), replaces);
        }

        static Expected optional(String name) {
            return new Expected(name, Attribute.Presence.OPTIONAL, Optional.empty(), false);
        }

        static Expected defaulting(String name, CtyValue value) {
            return new Expected(name, Attribute.Presence.OPTIONAL_COMPUTED, Optional.of(value), false);
        }
    }

    private static List<Expected> common(CtyValue hostname) {
        return List.of(
                Expected.required("owner", true),
                Expected.required("repository", true),
                Expected.defaulting("personal", CtyValue.bool(false)),
                Expected.defaulting("private", CtyValue.bool(true)),
                hostname == null ? Expected.required("hostname", true)
                        : new Expected("hostname", Attribute.Presence.OPTIONAL_COMPUTED, Optional.of(hostname), true),
                Expected.defaulting("read_write_key", CtyValue.bool(false)),
                Expected.defaulting("reconcile", CtyValue.bool(false)),
                Expected.optional("api_url"),
                Expected.optional("ca_file"),
                Expected.optional("ssh_hostname"),
                Expected.defaulting("token_auth", CtyValue.bool(false)));
    }

    static Stream<Arguments> forges() {
        return Stream.of(
                Arguments.of("fluxboot_bootstrap_github", ForgeType.GITHUB, concat(common(CtyValue.string("github.com")),
                        Expected.optional("team"))),
                Arguments.of("fluxboot_bootstrap_gitlab", ForgeType.GITLAB, concat(common(CtyValue.string("gitlab.com")),
                        Expected.optional("team"), Expected.defaulting("visibility", CtyValue.string("private")),
                        Expected.defaulting("deploy_token_auth", CtyValue.bool(false)))),
                Arguments.of("fluxboot_bootstrap_gitea", ForgeType.GITEA, concat(common(CtyValue.string("gitea.com")),
                        Expected.optional("team"))),
                Arguments.of("fluxboot_bootstrap_bitbucket_server", ForgeType.BITBUCKET_SERVER, concat(common(null),
                        Expected.optional("group"), Expected.defaulting("username", CtyValue.string("git")))));
    }

    private static List<Expected> concat(List<Expected> first, Expected... more) {
        List<Expected> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forges")
    void eachForgeResourceHasBootstrapGitsAttributesAndTheForgesFlagsAndNoToken(String type, ForgeType forge,
                                                                               List<Expected> forgeAttributes) {
        // When
        Schema schema = provider.resourceSchemas().get(type);
        Schema git = provider.resourceSchemas().get("fluxboot_bootstrap_git");

        // Then every attribute of fluxboot_bootstrap_git is there, the same
        assertThat(schema).as(type).isNotNull();
        assertThat(ProviderSchemas.bootstrapForgeType(forge)).isEqualTo(type);
        for (Attribute expected : git.attributes()) {
            assertThat(schema.attribute(expected.name())).as(expected.name()).get().satisfies(actual -> {
                assertThat(actual.type()).isEqualTo(expected.type());
                assertThat(actual.presence()).isEqualTo(expected.presence());
                assertThat(actual.defaultValue()).isEqualTo(expected.defaultValue());
                assertThat(actual.sensitive()).isEqualTo(expected.sensitive());
                assertThat(actual.requiresReplace()).isEqualTo(expected.requiresReplace());
            });
        }
        // and the forge's, as the table says, none of them sensitive
        for (Expected expected : forgeAttributes) {
            assertThat(schema.attribute(expected.name())).as(expected.name()).get().satisfies(actual -> {
                assertThat(actual.presence()).as(expected.name()).isEqualTo(expected.presence());
                assertThat(actual.defaultValue()).as(expected.name()).isEqualTo(expected.defaultValue());
                assertThat(actual.requiresReplace()).as(expected.name()).isEqualTo(expected.replaces());
                assertThat(actual.sensitive()).as(expected.name()).isFalse();
                assertThat(actual.description()).as(expected.name()).isNotBlank();
            });
        }
        // and nothing else: no token, and the only sensitive attribute is fluxboot_bootstrap_git's registry_credentials
        assertThat(schema.attributes()).hasSize(git.attributes().size() + forgeAttributes.size());
        assertThat(schema.attribute("token")).isEmpty();
        assertThat(schema.attributes()).filteredOn(Attribute::sensitive).extracting(Attribute::name)
                .containsExactly("registry_credentials");
    }

    @Test
    void theProviderServesFiveResourceTypesAndTakesTheTokenAsASensitiveSetting() {
        // When
        Schema providerSchema = provider.providerSchema();

        // Then
        assertThat(provider.resourceSchemas()).containsOnlyKeys("fluxboot_bootstrap_git", "fluxboot_bootstrap_github",
                "fluxboot_bootstrap_gitlab", "fluxboot_bootstrap_gitea", "fluxboot_bootstrap_bitbucket_server");
        Attribute forge = providerSchema.attribute("forge").orElseThrow();
        assertThat(forge.nestedAttributes()).singleElement().satisfies(token -> {
            assertThat(token.name()).isEqualTo("token");
            assertThat(token.sensitive()).isTrue();
            assertThat(token.presence()).isEqualTo(Attribute.Presence.OPTIONAL);
        });
        Attribute git = providerSchema.attribute("git").orElseThrow();
        assertThat(git.nestedAttributes()).filteredOn(a -> a.name().equals("url")).singleElement()
                .satisfies(url -> assertThat(url.presence()).as("git.url: the forges have none")
                        .isEqualTo(Attribute.Presence.OPTIONAL));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(ForgeType.GITHUB, Map.of("owner", CtyValue.string(" ")), "owner", "owner must not be empty"),
                Arguments.of(ForgeType.GITEA, Map.of("repository", CtyValue.string("")), "repository",
                        "repository must not be empty"),
                Arguments.of(ForgeType.BITBUCKET_SERVER, Map.of("hostname", CtyValue.string("")), "hostname",
                        "hostname must not be empty"),
                Arguments.of(ForgeType.GITLAB, Map.of("visibility", CtyValue.string("secret")), "visibility",
                        "visibility must be private, internal or public"),
                Arguments.of(ForgeType.GITHUB, Map.of("api_url", CtyValue.string("http://ghe.example.com/api/v3")), "api_url",
                        "is not an https URL"),
                Arguments.of(ForgeType.GITLAB, Map.of("token_auth", CtyValue.bool(true), "deploy_token_auth", CtyValue.bool(true)),
                        "deploy_token_auth", "cannot be set both"),
                Arguments.of(ForgeType.GITHUB, Map.of("log_level", CtyValue.string("trace")), "log_level",
                        "must be info, debug or error"));
    }

    @ParameterizedTest(name = "{0} {2}: {3}")
    @MethodSource("invalid")
    void rejectsWhatTheCommandLineRejectsAtTheAttribute(ForgeType forge, Map<String, CtyValue> set, String attribute,
                                                        String message) {
        // Given
        Map<String, CtyValue> values = new HashMap<>(Map.of("owner", CtyValue.string("fleet"),
                "repository", CtyValue.string("infra"), "hostname", CtyValue.string("git.example.com")));
        values.putAll(set);
        String type = ProviderSchemas.bootstrapForgeType(forge);

        // When
        List<Diagnostic> diagnostics = provider.validateResourceConfig(type,
                TerraformCore.config(provider.resourceSchemas().get(type), values));

        // Then
        assertThat(diagnostics).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.isError()).isTrue();
            assertThat(diagnostic.attributePath()).containsExactly(attribute);
            assertThat(diagnostic.detail()).contains(message);
        });
    }

    /** One resource's forge attributes and the repository spec {@code bootstrap <forge>} would build from the same flags. */
    static Stream<Arguments> mappings() {
        return Stream.of(
                Arguments.of(ForgeType.GITHUB, Map.of(), "github.com", "private", List.of(), false, false, "git"),
                Arguments.of(ForgeType.GITHUB, Map.of("private", CtyValue.bool(false), "personal", CtyValue.bool(true),
                                "team", CtyValue.stringSet(List.of("platform:admin", "viewers")), "reconcile", CtyValue.bool(true),
                                "read_write_key", CtyValue.bool(true), "hostname", CtyValue.string("ghe.example.com")),
                        "ghe.example.com", "public", List.of("platform:admin", "viewers"), true, true, "git"),
                Arguments.of(ForgeType.GITLAB, Map.of("visibility", CtyValue.string("internal")), "gitlab.com", "internal",
                        List.of(), false, false, "git"),
                Arguments.of(ForgeType.GITLAB, Map.of("visibility", CtyValue.string("internal"), "private", CtyValue.bool(false)),
                        "gitlab.com", "public", List.of(), false, false, "git"),
                Arguments.of(ForgeType.GITEA, Map.of(), "gitea.com", "private", List.of(), false, false, "git"),
                Arguments.of(ForgeType.BITBUCKET_SERVER, Map.of("hostname", CtyValue.string("bitbucket.example.com"),
                                "group", CtyValue.stringSet(List.of("devs")), "username", CtyValue.string("flux-bot")),
                        "bitbucket.example.com", "private", List.of("devs"), false, false, "flux-bot"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("mappings")
    void theAttributesMapToTheRepositorySpecOfTheForgeCommand(ForgeType forge, Map<String, CtyValue> set, String hostname,
                                                             String visibility, List<String> teams, boolean reconcile,
                                                             boolean readWriteKey, String username) {
        // Given
        String type = ProviderSchemas.bootstrapForgeType(forge);
        Schema schema = provider.resourceSchemas().get(type);
        Map<String, CtyValue> values = new TreeMap<>(Map.of("owner", CtyValue.string("fleet"),
                "repository", CtyValue.string("infra"), "path", CtyValue.string("clusters/prod")));
        values.putAll(set);
        CtyValue.ObjectValue planned = (CtyValue.ObjectValue) provider.planResourceChange(type, CtyValue.NULL,
                TerraformCore.proposedNew(schema, CtyValue.NULL, TerraformCore.config(schema, values)),
                TerraformCore.config(schema, values)).value().planned();

        // When
        BootstrapSpec spec = BootstrapSpecs.of(withToken(forge), new ForgeBootstrapType(forge, schema).settings(
                planned.with("id", CtyValue.NULL).with("repository_files", CtyValue.NULL)), Duration.ofMinutes(5));

        // Then
        assertThat(spec.url()).isEmpty();
        assertThat(spec.path()).isEqualTo("clusters/prod");
        assertThat(spec.branch()).isEqualTo("main");
        ForgeRepository repository = spec.forge().orElseThrow();
        assertThat(repository.forge()).isEqualTo(forge);
        assertThat(repository.owner()).isEqualTo("fleet");
        assertThat(repository.name()).isEqualTo("infra");
        assertThat(repository.hostname()).isEqualTo(hostname);
        assertThat(repository.visibility()).isEqualTo(visibility);
        assertThat(repository.teams()).containsExactlyInAnyOrderElementsOf(teams);
        assertThat(repository.reconcile()).isEqualTo(reconcile);
        assertThat(repository.readWriteKey()).isEqualTo(readWriteKey);
        assertThat(repository.username()).isEqualTo(username);
        assertThat(repository.token()).extracting(Secret::reveal).isEqualTo(TOKEN);
        assertThat(repository.toString() + spec).doesNotContain(TOKEN);
        assertThat(spec.credentials().username()).isEqualTo("git");
        assertThat(spec.credentials().tokenAuth()).isFalse();
    }

    @Test
    void theConnectionAttributesAndTheProvidersGitSettingsReachTheSpec() {
        // Given
        ForgeType forge = ForgeType.GITHUB;
        Schema schema = provider.resourceSchemas().get("fluxboot_bootstrap_github");
        CtyValue.ObjectValue resource = TerraformCore.config(schema, Map.of("owner", CtyValue.string("fleet"),
                "repository", CtyValue.string("infra"), "api_url", CtyValue.string("https://127.0.0.1:8443/api/v3"),
                "ca_file", CtyValue.string("/etc/ca.pem"), "ssh_hostname", CtyValue.string("127.0.0.1:2222"),
                "token_auth", CtyValue.bool(true), "version", CtyValue.string("v2.8.1")));
        ProviderConfig.Git git = new ProviderConfig.Git(Optional.empty(), "fleet-main", "Flux Bot",
                Optional.of("flux@example.com"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        ProviderConfig config = new ProviderConfig(Optional.of(KUBERNETES), Optional.of(git), withToken(forge).forge());

        // When
        BootstrapSpec spec = BootstrapSpecs.of(config, new ForgeBootstrapType(forge, schema).settings(resource),
                Duration.ofMinutes(5));

        // Then
        ForgeRepository repository = spec.forge().orElseThrow();
        assertThat(repository.apiUrl()).contains("https://127.0.0.1:8443/api/v3");
        assertThat(repository.caFile()).contains(Path.of("/etc/ca.pem"));
        assertThat(spec.credentials().sshHostname()).contains("127.0.0.1:2222");
        assertThat(spec.credentials().caFile()).contains(Path.of("/etc/ca.pem"));
        assertThat(spec.credentials().tokenAuth()).isTrue();
        assertThat(spec.branch()).isEqualTo("fleet-main");
        assertThat(spec.commits().authorName()).isEqualTo("Flux Bot");
        assertThat(spec.commits().authorEmail()).isEqualTo("flux@example.com");
    }

    @ParameterizedTest
    @EnumSource(ForgeType.class)
    void withoutTheForgesTokenThePlanFailsWithOneLineNamingBothWays(ForgeType forge) {
        // Given kubernetes settings but no token for this forge (another forge's does not count)
        ForgeType other = forge == ForgeType.GITHUB ? ForgeType.GITLAB : ForgeType.GITHUB;
        provider = new FluxbootProvider(DEFAULT_VERSION, Map.of(other.tokenVariable(), TOKEN), new FakeBootstrapBackend(dir),
                new StopSignal(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        provider.configure(CtyValue.object(Map.of(
                "kubernetes", TerraformCore.config(new Schema(0, "", provider.providerSchema().attribute("kubernetes")
                        .orElseThrow().nestedAttributes()), Map.of("host", CtyValue.string("https://127.0.0.1:6443"))),
                "git", CtyValue.NULL, "forge", CtyValue.NULL)));
        String type = ProviderSchemas.bootstrapForgeType(forge);
        Schema schema = provider.resourceSchemas().get(type);
        CtyValue.ObjectValue config = TerraformCore.config(schema, Map.of("owner", CtyValue.string("fleet"),
                "repository", CtyValue.string("infra"), "hostname", CtyValue.string("git.example.com")));

        // When
        Outcome<ResourcePlan> plan = provider.planResourceChange(type, CtyValue.NULL,
                TerraformCore.proposedNew(schema, CtyValue.NULL, config), config);

        // Then
        assertThat(plan.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.summary()).isEqualTo("Missing configuration");
            assertThat(diagnostic.detail()).isEqualTo("no " + forge.label() + " token: set the provider's forge.token, or "
                    + forge.tokenVariable() + " in terraform's environment");
        });
        assertThat(new FakeBootstrapBackend(dir).calls()).isEmpty();
    }

    @Test
    void aForgeResourceCannotBeImportedYetAndSaysSo() {
        // When
        Outcome<CtyValue> imported = provider.importResourceState("fluxboot_bootstrap_gitea", "flux-system");

        // Then
        assertThat(imported.diagnostics()).singleElement().satisfies(diagnostic ->
                assertThat(diagnostic.detail()).contains("fluxboot_bootstrap_gitea cannot be imported yet"));
    }
}
