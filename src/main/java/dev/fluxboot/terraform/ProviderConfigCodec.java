package dev.fluxboot.terraform;

import dev.fluxboot.api.ForgeType;
import dev.fluxboot.terraform.cty.CtyValue;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider block: checked as flux's provider checks it (URL scheme against the SSH or HTTP
 * settings, no {@code git} without {@code kubernetes}), then read into a {@link ProviderConfig}
 * with its defaults.
 */
public final class ProviderConfigCodec {

    static final String DEFAULT_BRANCH = "main";
    static final String DEFAULT_AUTHOR = "Flux";

    private ProviderConfigCodec() {
    }

    /**
     * What is wrong with the provider block, as Terraform diagnostics; values not known yet
     * (they come from other resources) are checked when they are.
     */
    public static List<Diagnostic> validate(CtyValue.ObjectValue config) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (!(config.get("git") instanceof CtyValue.ObjectValue git)) {
            return diagnostics;
        }
        if (!(git.get("url") instanceof CtyValue.StringValue urlValue)) {
            return diagnostics;
        }
        String scheme;
        try {
            URI url = new URI(urlValue.value());
            scheme = url.getScheme() == null ? "" : url.getScheme();
            if (url.getHost() == null) {
                scheme = "";
            }
        } catch (URISyntaxException e) {
            scheme = "";
        }
        if (!List.of("ssh", "https", "http").contains(scheme)) {
            diagnostics.add(Diagnostic.attributeError(List.of("git", "url"), "Invalid Git URL",
                    "git.url must be an ssh://, https:// or http:// URL with a host, e.g. ssh://git@example.com/org/fleet.git"));
            return diagnostics;
        }
        CtyValue http = git.get("http");
        CtyValue ssh = git.get("ssh");
        if (scheme.equals("ssh") && !http.isNull()) {
            diagnostics.add(Diagnostic.attributeError(List.of("git", "http"), "Unexpected Attribute Configuration",
                    "git.http is for http(s):// URLs; git.url is an ssh:// URL: configure git.ssh instead"));
        }
        if (!scheme.equals("ssh") && !ssh.isNull()) {
            diagnostics.add(Diagnostic.attributeError(List.of("git", "ssh"), "Unexpected Attribute Configuration",
                    "git.ssh is for ssh:// URLs; git.url is an " + scheme + ":// URL: configure git.http instead"));
        }
        if (scheme.equals("http")) {
            CtyValue allow = http instanceof CtyValue.ObjectValue httpObject ? httpObject.get("allow_insecure_http") : CtyValue.NULL;
            if (allow.isKnown() && !allow.equals(CtyValue.bool(true))) {
                diagnostics.add(Diagnostic.attributeError(List.of("git", "http", "allow_insecure_http"), "Scheme Validation Error",
                        "git.url is an http:// URL: set git.http.allow_insecure_http = true to allow it, or use https://"));
            }
        }
        return diagnostics;
    }

    /**
     * The configuration, defaults applied; {@code env} gives {@code KUBE_CONFIG_PATH},
     * {@code KUBE_CONFIG_PATHS} and the forges' token variables ({@code GITHUB_TOKEN}, ...).
     * Requires a wholly known, {@link #validate valid} block; {@code git} without
     * {@code kubernetes} is an error ({@code kubernetes} alone is enough for the forge resources).
     */
    public static ProviderConfig decode(CtyValue.ObjectValue config, Map<String, String> env) {
        Optional<CtyValue.ObjectValue> kubernetes = Values.nested(config, "kubernetes");
        Optional<CtyValue.ObjectValue> git = Values.nested(config, "git");
        ProviderConfig.Forge forge = forge(Values.nested(config, "forge"), env);
        if (kubernetes.isEmpty() && git.isEmpty()) {
            return new ProviderConfig(Optional.empty(), Optional.empty(), forge);
        }
        if (kubernetes.isEmpty()) {
            throw new IllegalArgumentException("the provider has git but no kubernetes settings: configure both, or neither");
        }
        return new ProviderConfig(Optional.of(kubernetes(kubernetes.get(), env)), git.map(ProviderConfigCodec::git), forge);
    }

    /** {@code forge.token} for every forge, else each forge's own variable, as {@code bootstrap <forge>} reads it. */
    private static ProviderConfig.Forge forge(Optional<CtyValue.ObjectValue> forge, Map<String, String> env) {
        Optional<SensitiveText> configured = forge.flatMap(object -> Values.sensitive(object, "token"))
                .filter(token -> !token.reveal().isBlank());
        Map<ForgeType, SensitiveText> tokens = new EnumMap<>(ForgeType.class);
        for (ForgeType type : ForgeType.values()) {
            configured.or(() -> Optional.ofNullable(env.get(type.tokenVariable())).map(String::strip)
                            .filter(token -> !token.isEmpty()).map(SensitiveText::new))
                    .ifPresent(token -> tokens.put(type, token));
        }
        return new ProviderConfig.Forge(tokens);
    }

    private static ProviderConfig.Kubernetes kubernetes(CtyValue.ObjectValue kubernetes, Map<String, String> env) {
        Optional<Path> configPath = Values.nonEmptyString(kubernetes, "config_path")
                .or(() -> Optional.ofNullable(env.get("KUBE_CONFIG_PATH")).filter(path -> !path.isEmpty()))
                .map(Path::of);
        List<Path> configPaths = new ArrayList<>();
        if (kubernetes.get("config_paths").isNull()) {
            String fromEnv = env.getOrDefault("KUBE_CONFIG_PATHS", "");
            for (String path : fromEnv.split(File.pathSeparator)) {
                if (!path.isEmpty()) {
                    configPaths.add(Path.of(path));
                }
            }
        } else {
            for (String path : Values.strings(kubernetes, "config_paths")) {
                configPaths.add(Path.of(path));
            }
        }
        Optional<ProviderConfig.Exec> exec = Values.nested(kubernetes, "exec").map(object -> new ProviderConfig.Exec(
                Values.string(object, "api_version").orElse(""), Values.string(object, "command").orElse(""),
                Values.strings(object, "args"), Values.stringMap(object, "env")));
        return new ProviderConfig.Kubernetes(configPath, configPaths,
                Values.nonEmptyString(kubernetes, "config_context"),
                Values.nonEmptyString(kubernetes, "config_context_auth_info"),
                Values.nonEmptyString(kubernetes, "config_context_cluster"),
                Values.nonEmptyString(kubernetes, "host"),
                Values.nonEmptyString(kubernetes, "username"),
                Values.sensitive(kubernetes, "password"),
                Values.sensitive(kubernetes, "token"),
                Values.nonEmptyString(kubernetes, "client_certificate"),
                Values.sensitive(kubernetes, "client_key"),
                Values.nonEmptyString(kubernetes, "cluster_ca_certificate"),
                Values.bool(kubernetes, "insecure").orElse(false),
                Values.nonEmptyString(kubernetes, "proxy_url"),
                exec);
    }

    private static ProviderConfig.Git git(CtyValue.ObjectValue git) {
        Optional<ProviderConfig.Ssh> ssh = Values.nested(git, "ssh").map(object -> new ProviderConfig.Ssh(
                Values.nonEmptyString(object, "username"), Values.sensitive(object, "private_key"),
                Values.sensitive(object, "password"), Values.strings(object, "hostkey_algos")));
        Optional<ProviderConfig.Http> http = Values.nested(git, "http").map(object -> new ProviderConfig.Http(
                Values.nonEmptyString(object, "username"), Values.sensitive(object, "password"),
                Values.nonEmptyString(object, "certificate_authority"),
                Values.bool(object, "allow_insecure_http").orElse(false)));
        return new ProviderConfig.Git(Values.nonEmptyString(git, "url").map(URI::create),
                Values.nonEmptyString(git, "branch").orElse(DEFAULT_BRANCH),
                Values.nonEmptyString(git, "author_name").orElse(DEFAULT_AUTHOR),
                Values.nonEmptyString(git, "author_email"),
                Values.nonEmptyString(git, "commit_message_appendix"),
                Values.nonEmptyString(git, "gpg_key_ring").map(Path::of),
                Values.sensitive(git, "gpg_passphrase"),
                Values.nonEmptyString(git, "gpg_key_id"),
                ssh, http);
    }
}
