package dev.fluxboot.terraform;

import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Schema;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What distinguishes one bootstrap resource type from another ({@code fluxboot_bootstrap_git}, or
 * one of a forge): its schema, the checks and decoding of its attributes, what it needs of the
 * provider's configuration, and whether it can be imported. {@link BootstrapResource} does the rest.
 */
interface BootstrapResourceType {

    /** The resource type's name, e.g. {@code fluxboot_bootstrap_github}. */
    String name();

    Schema schema();

    /** What is wrong with a configuration; values not known yet are checked when they are. */
    List<Diagnostic> validate(CtyValue.ObjectValue config);

    /** The arguments of a wholly known resource object (configuration, plan or state). */
    BootstrapGitSettings settings(CtyValue.ObjectValue resource);

    /** Why the provider's configuration cannot manage resources of this type; empty when it can. */
    Optional<String> missingProviderSettings(ProviderConfig provider);

    /** Whether {@code terraform import} can adopt a cluster bootstrapped before as this type. */
    boolean importable();

    /** An adopted bootstrap as state; only when {@link #importable()}. */
    CtyValue.ObjectValue encode(ImportedBootstrap imported);

    /** The whole resource as state holds it. */
    default BootstrapGitState state(CtyValue.ObjectValue resource) {
        return new BootstrapGitState(Values.string(resource, "id").orElse(""), settings(resource),
                new TreeMap<>(Values.stringMap(resource, "repository_files")));
    }
}
