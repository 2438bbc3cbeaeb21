package dev.fluxboot.terraform;

import dev.fluxboot.api.ForgeType;
import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Attribute;

import java.util.ArrayList;
import java.util.List;

/**
 * The forge's own attributes of {@code fluxboot_bootstrap_<forge>}: the flags of
 * {@code fluxboot bootstrap <forge>} in snake_case, with the same defaults. The token is not one of
 * them: it is the provider's {@code forge.token}, so that it never reaches a plan or the state.
 */
final class ForgeSchemas {

    private ForgeSchemas() {
    }

    /** The forge attributes of {@code forge}'s resource. */
    static List<Attribute> attributes(ForgeType forge) {
        String label = forge.label();
        List<Attribute> attributes = new ArrayList<>(List.of(
                Attribute.string("owner").required().requiringReplace().describedAs(
                        "The " + label + " " + ownerKind(forge) + " that owns the repository (changing it replaces the resource)."),
                Attribute.string("repository").required().requiringReplace().describedAs(
                        "The " + label + " repository's name; created when missing (changing it replaces the resource)."),
                Attribute.bool("personal").withDefault(CtyValue.bool(false)).describedAs(
                        "The owner is the token's user rather than " + (forge == ForgeType.BITBUCKET_SERVER ? "a project"
                                : forge == ForgeType.GITLAB ? "a group" : "an organization") + ". Defaults to `false`."),
                Attribute.bool("private").withDefault(CtyValue.bool(true)).describedAs(
                        "Create (or, with `reconcile`, set) the repository private; `false` makes it public. Defaults to `true`."),
                hostname(forge),
                Attribute.stringSet(forge == ForgeType.BITBUCKET_SERVER ? "group" : "team").describedAs(
                        (forge == ForgeType.BITBUCKET_SERVER ? "Groups" : "Teams") + " given access to the repository, "
                                + "each `name` or `name:permission` (default permission `" + forge.defaultTeamPermission() + "`)."),
                Attribute.bool("read_write_key").withDefault(CtyValue.bool(false)).describedAs(
                        "Register the deploy key with write access. Defaults to `false`."),
                Attribute.bool("reconcile").withDefault(CtyValue.bool(false)).describedAs(
                        "Also bring an existing repository's settings (visibility, teams) to these. Defaults to `false`."),
                Attribute.string("api_url").describedAs(
                        "The forge API's base URL, when it is not the one `hostname` implies (e.g. behind a proxy)."),
                Attribute.string("ca_file").describedAs(
                        "CA certificates (PEM file) for the forge's API and Git over HTTPS; also the cluster's `ca.crt`."),
                Attribute.string("ssh_hostname").describedAs(
                        "The SSH host (`host[:port]`) of the sync URL, when it differs from `hostname`."),
                Attribute.bool("token_auth").withDefault(CtyValue.bool(false)).describedAs(
                        "The cluster syncs over HTTPS with the token (kept in its Secret) instead of an SSH deploy key. "
                                + "Defaults to `false`.")));
        if (forge == ForgeType.GITLAB) {
            attributes.add(Attribute.string("visibility").withDefault(CtyValue.string("private")).describedAs(
                    "The repository's visibility: `private`, `internal` or `public` (`private = false` makes it public). "
                            + "Defaults to `private`."));
            attributes.add(Attribute.bool("deploy_token_auth").withDefault(CtyValue.bool(false)).describedAs(
                    "The cluster syncs over HTTPS with a project deploy token instead of an SSH deploy key. Defaults to `false`."));
        }
        if (forge == ForgeType.BITBUCKET_SERVER) {
            attributes.add(Attribute.string("username").withDefault(CtyValue.string("git")).describedAs(
                    "The user of Git over HTTPS with the token. Defaults to `git`."));
        }
        return attributes;
    }

    private static Attribute hostname(ForgeType forge) {
        Attribute hostname = Attribute.string("hostname").requiringReplace();
        if (forge.defaultHostname().isEmpty()) {
            return hostname.required().describedAs("The " + forge.label() + " host (changing it replaces the resource).");
        }
        return hostname.withDefault(CtyValue.string(forge.defaultHostname())).describedAs("The " + forge.label()
                + " host (changing it replaces the resource). Defaults to `" + forge.defaultHostname() + "`.");
    }

    private static String ownerKind(ForgeType forge) {
        return switch (forge) {
            case GITHUB, GITEA -> "user or organization";
            case GITLAB -> "user or group (a path for a subgroup)";
            case BITBUCKET_SERVER -> "project (or user, with `personal`)";
        };
    }
}
