package dev.fluxboot.terraform;

import dev.fluxboot.api.ForgeType;
import dev.fluxboot.terraform.cty.CtyValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The forge attributes of {@code fluxboot_bootstrap_<forge>} ({@link ForgeSchemas}): their checks,
 * and their translation to {@link ForgeSettings}. The attributes every bootstrap resource
 * has are {@link BootstrapGitCodec}'s.
 */
final class ForgeCodec {

    private static final List<String> GITLAB_VISIBILITIES = List.of("private", "internal", "public");

    private ForgeCodec() {
    }

    /** What is wrong with the forge attributes; values not known yet are checked when they are. */
    static List<Diagnostic> validate(ForgeType forge, CtyValue.ObjectValue config) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (String name : List.of("owner", "repository", "hostname")) {
            if (config.get(name) instanceof CtyValue.StringValue text && text.value().isBlank()) {
                diagnostics.add(invalid(name, name + " must not be empty: give the " + forge.label() + " " + name));
            }
        }
        if (config.get("visibility") instanceof CtyValue.StringValue text
                && !GITLAB_VISIBILITIES.contains(text.value().toLowerCase(Locale.ROOT))) {
            diagnostics.add(invalid("visibility", "visibility must be private, internal or public, not \"" + text.value() + "\""));
        }
        if (config.get("api_url") instanceof CtyValue.StringValue text && !text.value().isEmpty() && !isHttpsUrl(text.value())) {
            diagnostics.add(invalid("api_url", "api_url \"" + text.value() + "\" is not an https URL without credentials: "
                    + "give the full API base URL, e.g. https://git.example.com/api/v3"));
        }
        if (config.get("token_auth").equals(CtyValue.bool(true)) && config.get("deploy_token_auth").equals(CtyValue.bool(true))) {
            diagnostics.add(invalid("deploy_token_auth", "token_auth and deploy_token_auth cannot be set both: choose one"));
        }
        return diagnostics;
    }

    /** The forge attributes of a wholly known resource object (configuration, plan or state). */
    static ForgeSettings settings(ForgeType forge, CtyValue.ObjectValue resource) {
        return new ForgeSettings(forge,
                Values.string(resource, "owner").orElse(""),
                Values.string(resource, "repository").orElse(""),
                Values.bool(resource, "personal").orElse(false),
                Values.bool(resource, "private").orElse(true),
                Values.string(resource, "visibility").orElse("private"),
                Values.string(resource, "hostname").orElse(forge.defaultHostname()),
                Values.strings(resource, teamAttribute(forge)),
                Values.bool(resource, "read_write_key").orElse(false),
                Values.bool(resource, "reconcile").orElse(false),
                Values.nonEmptyString(resource, "api_url"),
                Values.nonEmptyString(resource, "ca_file"),
                Values.nonEmptyString(resource, "ssh_hostname"),
                Values.bool(resource, "token_auth").orElse(false),
                Values.bool(resource, "deploy_token_auth").orElse(false),
                Values.string(resource, "username").orElse("git"));
    }

    /** {@code group} on Bitbucket Server, {@code team} elsewhere: the command line's flag. */
    static String teamAttribute(ForgeType forge) {
        return forge == ForgeType.BITBUCKET_SERVER ? "group" : "team";
    }

    private static boolean isHttpsUrl(String text) {
        try {
            URI uri = new URI(text);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Diagnostic invalid(String attribute, String detail) {
        return Diagnostic.attributeError(List.of(attribute), "Invalid Attribute Value", detail);
    }
}
