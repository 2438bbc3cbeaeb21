package dev.fluxboot.terraform.schema;

import dev.fluxboot.terraform.ProviderSchemas;
import dev.fluxboot.terraform.protocol.Tfplugin6;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The schemas as GetProviderSchema sends them. */
class SchemaProtoTest {

    private static Map<String, Tfplugin6.Schema.Attribute> byName(Iterable<Tfplugin6.Schema.Attribute> attributes) {
        return java.util.stream.StreamSupport.stream(attributes.spliterator(), false)
                .collect(Collectors.toMap(Tfplugin6.Schema.Attribute::getName, Function.identity()));
    }

    @Test
    void theResourceAttributesCarryTypesAndFlags() {
        // When
        Tfplugin6.Schema schema = SchemaProto.render(ProviderSchemas.bootstrapGit("v2.9.4"));

        // Then
        Map<String, Tfplugin6.Schema.Attribute> attributes = byName(schema.getBlock().getAttributesList());
        assertThat(attributes).containsOnlyKeys("id", "path", "namespace", "version", "components", "components_extra",
                "cluster_domain", "interval", "log_level", "network_policy", "watch_all_namespaces", "registry",
                "registry_credentials", "image_pull_secret", "toleration_keys", "secret_name", "recurse_submodules",
                "kustomization_override", "delete_git_manifests", "keep_namespace", "disable_secret_creation",
                "embedded_manifests", "manifests_path", "timeouts", "repository_files");
        Tfplugin6.Schema.Attribute id = attributes.get("id");
        assertThat(id.getComputed()).isTrue();
        assertThat(id.getOptional()).isFalse();
        assertThat(id.getType().toString(StandardCharsets.UTF_8)).isEqualTo("\"string\"");
        Tfplugin6.Schema.Attribute components = attributes.get("components");
        assertThat(components.getOptional()).isTrue();
        assertThat(components.getComputed()).isTrue();
        assertThat(components.getType().toString(StandardCharsets.UTF_8)).isEqualTo("[\"set\",\"string\"]");
        assertThat(attributes.get("repository_files").getType().toString(StandardCharsets.UTF_8)).isEqualTo("[\"map\",\"string\"]");
        assertThat(attributes.get("registry_credentials").getSensitive()).isTrue();
        assertThat(attributes.get("path").getComputed()).isFalse();
        Tfplugin6.Schema.Attribute timeouts = attributes.get("timeouts");
        assertThat(timeouts.getType().isEmpty()).isTrue();
        assertThat(timeouts.getNestedType().getNesting()).isEqualTo(Tfplugin6.Schema.Object.NestingMode.SINGLE);
        assertThat(byName(timeouts.getNestedType().getAttributesList())).containsOnlyKeys("create", "read", "update", "delete");
        assertThat(attributes.get("version").getDescription()).contains("v2.9.4");
    }

    @Test
    void theProviderConfigurationNestsKubernetesGitAndForge() {
        // When
        Tfplugin6.Schema schema = SchemaProto.render(ProviderSchemas.provider());

        // Then
        Map<String, Tfplugin6.Schema.Attribute> attributes = byName(schema.getBlock().getAttributesList());
        assertThat(attributes).containsOnlyKeys("kubernetes", "git", "forge");
        Map<String, Tfplugin6.Schema.Attribute> git = byName(attributes.get("git").getNestedType().getAttributesList());
        // optional here: fluxboot_bootstrap_git requires it, the forge resources know their repository's URL
        assertThat(git.get("url").getOptional()).isTrue();
        Map<String, Tfplugin6.Schema.Attribute> forge = byName(attributes.get("forge").getNestedType().getAttributesList());
        assertThat(forge.get("token").getSensitive()).isTrue();
        Map<String, Tfplugin6.Schema.Attribute> ssh = byName(git.get("ssh").getNestedType().getAttributesList());
        assertThat(ssh.get("private_key").getSensitive()).isTrue();
        assertThat(ssh.get("hostkey_algos").getType().toString(StandardCharsets.UTF_8)).isEqualTo("[\"list\",\"string\"]");
        Map<String, Tfplugin6.Schema.Attribute> kubernetes = byName(attributes.get("kubernetes").getNestedType().getAttributesList());
        assertThat(kubernetes).containsKeys("config_path", "config_paths", "config_context", "config_context_auth_info",
                "config_context_cluster", "host", "token", "client_certificate", "client_key", "cluster_ca_certificate",
                "insecure", "proxy_url", "exec");
        assertThat(kubernetes.get("token").getSensitive()).isTrue();
    }
}
