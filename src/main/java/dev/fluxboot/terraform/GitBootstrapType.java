package dev.fluxboot.terraform;

import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code fluxboot_bootstrap_git}: a repository by URL, the provider's {@code git} settings. */
final class GitBootstrapType implements BootstrapResourceType {

    private final Schema schema;

    GitBootstrapType(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    @Override
    public String name() {
        return ProviderSchemas.BOOTSTRAP_GIT;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<Diagnostic> validate(CtyValue.ObjectValue config) {
        return BootstrapGitCodec.validate(config);
    }

    @Override
    public BootstrapGitSettings settings(CtyValue.ObjectValue resource) {
        return BootstrapGitCodec.settings(resource);
    }

    @Override
    public Optional<String> missingProviderSettings(ProviderConfig provider) {
        if (provider.isConfigured()) {
            return Optional.empty();
        }
        return Optional.of("the fluxboot provider block has no kubernetes and git settings (with git.url): configure "
                + "both to manage fluxboot_bootstrap_git resources");
    }

    @Override
    public boolean importable() {
        return true;
    }

    @Override
    public CtyValue.ObjectValue encode(ImportedBootstrap imported) {
        return BootstrapGitCodec.encode(imported);
    }
}
