package dev.fluxboot.terraform;

import dev.fluxboot.api.ForgeType;
import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code fluxboot_bootstrap_<forge>}: {@code fluxboot_bootstrap_git}'s attributes (its codec) and
 * the forge's ({@link ForgeCodec}); the provider's {@code kubernetes} settings and the forge's token.
 */
final class ForgeBootstrapType implements BootstrapResourceType {

    private final ForgeType forge;
    private final Schema schema;

    ForgeBootstrapType(ForgeType forge, Schema schema) {
        this.forge = Objects.requireNonNull(forge, "forge");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    @Override
    public String name() {
        return ProviderSchemas.bootstrapForgeType(forge);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<Diagnostic> validate(CtyValue.ObjectValue config) {
        List<Diagnostic> diagnostics = new ArrayList<>(BootstrapGitCodec.validate(config));
        diagnostics.addAll(ForgeCodec.validate(forge, config));
        return diagnostics;
    }

    @Override
    public BootstrapGitSettings settings(CtyValue.ObjectValue resource) {
        return BootstrapGitCodec.settings(resource).withForge(ForgeCodec.settings(forge, resource));
    }

    @Override
    public Optional<String> missingProviderSettings(ProviderConfig provider) {
        if (provider.kubernetes().isEmpty()) {
            return Optional.of("the fluxboot provider block has no kubernetes settings: configure them to manage "
                    + name() + " resources");
        }
        if (provider.forge().token(forge).isEmpty()) {
            return Optional.of("no " + forge.label() + " token: set the provider's forge.token, or " + forge.tokenVariable()
                    + " in terraform's environment");
        }
        return Optional.empty();
    }

    /** Not yet: the cluster does not say which forge settings (API URL, CA, SSH host, teams) it was bootstrapped with. */
    @Override
    public boolean importable() {
        return false;
    }

    @Override
    public CtyValue.ObjectValue encode(ImportedBootstrap imported) {
        throw new UnsupportedOperationException(name() + " cannot be imported");
    }
}
