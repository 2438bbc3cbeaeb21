package dev.fluxboot.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.manifests.yaml.GoYaml;
import dev.fluxboot.ui.Failures;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the kubeconfig files the way kubectl does ({@code --kubeconfig}, else every existing file
 * named in {@code KUBECONFIG}, else {@code ~/.kube/config}, else the in-cluster service account)
 * and turns them into a fabric8 {@link Config} for the chosen context.
 *
 * <p>fabric8 quietly falls back to the current context when the requested one does not exist,
 * and to {@code https://kubernetes.default.svc} when no file exists; both would send the install
 * to a cluster the user did not name, so they are errors here.
 */
final class KubeconfigResolver {

    private final Map<String, String> env;
    private final Path home;

    KubeconfigResolver(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    /**
     * @param timeout the longest an {@code exec} credential plugin may take
     */
    Config resolve(Optional<Path> kubeconfig, Optional<String> context, Duration timeout) {
        return resolve(KubeConnection.builder().kubeconfig(kubeconfig).context(context).build(), timeout);
    }

    /**
     * The kubeconfig's choice, overridden field by field by the connection's values, as client-go's
     * {@code clientcmd} does with kubectl's flags: {@code --cluster}/{@code --user} replace the
     * context's names; {@code --server}, {@code --certificate-authority}, {@code --token} ... replace
     * the values; without any kubeconfig file, {@code --server} alone names the cluster.
     *
     * @param timeout the longest an {@code exec} credential plugin may take
     */
    Config resolve(KubeConnection connection, Duration timeout) {
        List<File> files = files(connection.kubeconfigs());
        Config config;
        if (files.isEmpty()) {
            config = connection.server().isPresent() ? Config.empty() : inCluster(connection);
        } else {
            config = fromFiles(files, connection, timeout);
        }
        ConnectionOverrides.apply(config, connection);
        connection.exec().ifPresent(exec -> useCredentials(config, new ExecCredentialPlugin(execConfig(exec),
                null, null, env).run(timeout)));
        return config;
    }

    /** The namespace of the selected context, as kubectl's {@code config view --minify} shows it. */
    Optional<String> contextNamespace(KubeConnection connection) {
        try {
            List<io.fabric8.kubernetes.api.model.Config> parsed = new ArrayList<>();
            for (File file : files(connection.kubeconfigs())) {
                parsed.add(parse(file));
            }
            Optional<String> context = connection.context().or(() -> parsed.stream()
                    .map(io.fabric8.kubernetes.api.model.Config::getCurrentContext)
                    .filter(name -> name != null && !name.isBlank()).findFirst());
            return context.flatMap(name -> parsed.stream().filter(c -> c.getContexts() != null)
                    .flatMap(c -> c.getContexts().stream())
                    .filter(c -> name.equals(c.getName()) && c.getContext() != null).findFirst())
                    .map(c -> c.getContext().getNamespace())
                    .filter(namespace -> !namespace.isBlank());
        } catch (FluxbootException e) {
            return Optional.empty();
        }
    }

    private Config fromFiles(List<File> files, KubeConnection connection, Duration timeout) {
        Optional<String> requested = connection.context();
        List<io.fabric8.kubernetes.api.model.Config> parsed = new ArrayList<>();
        for (File file : files) {
            parsed.add(parse(file));
        }
        String where = files.stream().map(File::getPath).collect(Collectors.joining(File.pathSeparator));
        Set<String> contexts = new LinkedHashSet<>();
        for (io.fabric8.kubernetes.api.model.Config config : parsed) {
            if (config.getContexts() != null) {
                config.getContexts().stream().filter(c -> c.getContext() != null)
                        .map(NamedContext::getName).forEach(contexts::add);
            }
        }
        Optional<String> current = requested.or(() -> parsed.stream()
                .map(io.fabric8.kubernetes.api.model.Config::getCurrentContext)
                .filter(name -> name != null && !name.isBlank())
                .findFirst());
        // kubectl goes on without a context when the flags name the cluster
        boolean flagsNameCluster = connection.clusterName().isPresent() || connection.server().isPresent();
        if (current.isEmpty() && !flagsNameCluster) {
            throw new FluxbootException("kubeconfig " + where
                    + " has no current-context; choose one with --context (contexts: " + list(contexts) + ")");
        }
        if (current.isPresent() && !contexts.contains(current.get())) {
            throw new FluxbootException(requested.isPresent()
                    ? "context \"" + current.get() + "\" not found in kubeconfig " + where + " (contexts: "
                            + list(contexts) + "); check --context"
                    : "current-context \"" + current.get() + "\" of kubeconfig " + where
                            + " is not defined there (contexts: " + list(contexts) + "); choose one with --context");
        }
        NamedContext chosen = current.map(name -> parsed.stream().filter(c -> c.getContexts() != null)
                        .flatMap(c -> c.getContexts().stream())
                        .filter(c -> name.equals(c.getName()) && c.getContext() != null).findFirst().orElseThrow())
                .orElseGet(() -> syntheticContext(parsed.get(0)));
        connection.clusterName().ifPresent(name -> {
            if (findCluster(parsed, name).isEmpty()) {
                throw new FluxbootException("cluster \"" + name + "\" not found in kubeconfig " + where + " (clusters: "
                        + list(names(parsed, true)) + "); check --cluster");
            }
            chosen.getContext().setCluster(name);
        });
        connection.userName().ifPresent(name -> {
            if (findUser(parsed, name).isEmpty()) {
                throw new FluxbootException("user \"" + name + "\" not found in kubeconfig " + where + " (users: "
                        + list(names(parsed, false)) + "); check --user");
            }
            chosen.getContext().setUser(name);
        });
        String cluster = chosen.getContext().getCluster() == null ? "" : chosen.getContext().getCluster();
        Optional<NamedCluster> named = findCluster(parsed, cluster);
        boolean hasServer = named.isPresent() && named.get().getCluster().getServer() != null
                && !named.get().getCluster().getServer().isBlank();
        if (!hasServer && connection.server().isEmpty()) {
            throw new FluxbootException("context \"" + chosen.getName() + "\" in kubeconfig " + where + " names cluster \""
                    + cluster + "\"" + (named.isPresent() ? " without a server address" : " that is not defined there")
                    + "; fix the kubeconfig or choose another --context");
        }
        if (named.isEmpty()) {
            // --server without a kubeconfig cluster: an empty one, filled in by the overrides
            NamedCluster empty = new NamedCluster(new io.fabric8.kubernetes.api.model.Cluster(), cluster);
            parsed.get(0).setClusters(appended(parsed.get(0).getClusters(), empty));
        }
        Optional<ExecCredentialPlugin.Credentials> credentials;
        if (connection.token().isPresent() || connection.exec().isPresent()) {
            // the flags' credentials replace the user's plugin: it is not run
            String user = chosen.getContext().getUser();
            if (user != null) {
                parsed.forEach(config -> withoutExec(config, user));
            }
            credentials = Optional.empty();
        } else {
            // an exec plugin runs here, bounded by the timeout and with its own error, not in fabric8's merge
            credentials = runExecPlugin(files, parsed, chosen.getName(), timeout);
        }
        // fabric8's own merge: first file wins per name, relative certificate paths resolved per file
        Config config = Config.empty();
        KubeConfigUtils.merge(config, chosen.getName(), parsed.toArray(io.fabric8.kubernetes.api.model.Config[]::new));
        credentials.ifPresent(answer -> useCredentials(config, answer));
        return config;
    }

    private static void useCredentials(Config config, ExecCredentialPlugin.Credentials answer) {
        // a fixed token: fabric8 does not re-run the plugin (without a limit) on a 401
        answer.token().ifPresent(config::setOauthToken);
        answer.clientCertificateData().ifPresent(pem -> {
            config.setClientCertFile(null);
            config.setClientCertData(base64(pem));
        });
        answer.clientKeyData().ifPresent(pem -> {
            config.setClientKeyFile(null);
            config.setClientKeyData(base64(pem));
        });
    }

    private static ExecConfig execConfig(KubeConnection.Exec exec) {
        ExecConfig config = new ExecConfig();
        config.setApiVersion(exec.apiVersion());
        config.setCommand(exec.command());
        config.setArgs(new ArrayList<>(exec.args()));
        config.setEnv(exec.env().entrySet().stream().map(e -> new ExecEnvVar(e.getKey(), e.getValue()))
                .collect(Collectors.toCollection(ArrayList::new)));
        return config;
    }

    /** A context for the flags alone (kubectl's empty context), added to the first file's model. */
    private static NamedContext syntheticContext(io.fabric8.kubernetes.api.model.Config first) {
        NamedContext context = new NamedContext(new io.fabric8.kubernetes.api.model.Context(), "fluxboot-flags");
        first.setContexts(appended(first.getContexts(), context));
        return context;
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static Optional<NamedCluster> findCluster(List<io.fabric8.kubernetes.api.model.Config> parsed, String name) {
        return parsed.stream().filter(c -> c.getClusters() != null).flatMap(c -> c.getClusters().stream())
                .filter(c -> name.equals(c.getName()) && c.getCluster() != null).findFirst();
    }

    private static Optional<NamedAuthInfo> findUser(List<io.fabric8.kubernetes.api.model.Config> parsed, String name) {
        return parsed.stream().filter(c -> c.getUsers() != null).flatMap(c -> c.getUsers().stream())
                .filter(u -> name.equals(u.getName()) && u.getUser() != null).findFirst();
    }

    private static Set<String> names(List<io.fabric8.kubernetes.api.model.Config> parsed, boolean clusters) {
        Set<String> names = new LinkedHashSet<>();
        for (io.fabric8.kubernetes.api.model.Config config : parsed) {
            if (clusters && config.getClusters() != null) {
                config.getClusters().forEach(c -> names.add(c.getName()));
            } else if (!clusters && config.getUsers() != null) {
                config.getUsers().forEach(u -> names.add(u.getName()));
            }
        }
        return names;
    }

    /**
     * Runs the {@code exec} plugin of the context's user, if it has one (the first file that
     * defines the user wins, as in the merge), and takes the plugin out of the parsed kubeconfig.
     */
    private Optional<ExecCredentialPlugin.Credentials> runExecPlugin(List<File> files,
            List<io.fabric8.kubernetes.api.model.Config> parsed, String context, Duration timeout) {
        String userName = parsed.stream().filter(c -> c.getContexts() != null).flatMap(c -> c.getContexts().stream())
                .filter(c -> context.equals(c.getName()) && c.getContext() != null)
                .map(c -> c.getContext().getUser()).filter(u -> u != null).findFirst().orElse(null);
        if (userName == null) {
            return Optional.empty();
        }
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i).getUsers() == null) {
                continue;
            }
            for (NamedAuthInfo user : parsed.get(i).getUsers()) {
                if (userName.equals(user.getName()) && user.getUser() != null) {
                    AuthInfo auth = user.getUser();
                    if (auth.getExec() == null) {
                        return Optional.empty();
                    }
                    ExecCredentialPlugin.Credentials answer = new ExecCredentialPlugin(auth.getExec(), userName,
                            files.get(i), env).run(timeout);
                    parsed.forEach(config -> withoutExec(config, userName));
                    return Optional.of(answer);
                }
            }
        }
        return Optional.empty();
    }

    private static void withoutExec(io.fabric8.kubernetes.api.model.Config config, String userName) {
        if (config.getUsers() != null) {
            config.getUsers().stream().filter(user -> userName.equals(user.getName()) && user.getUser() != null)
                    .forEach(user -> user.getUser().setExec(null));
        }
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    private List<File> files(List<Path> kubeconfigs) {
        if (!kubeconfigs.isEmpty()) {
            List<File> files = new ArrayList<>();
            for (Path path : kubeconfigs) {
                if (!Files.exists(path)) {
                    throw new FluxbootException("kubeconfig file " + path + " not found; check --kubeconfig");
                }
                if (!Files.isRegularFile(path)) {
                    throw new FluxbootException("kubeconfig " + path + " is not a file; check --kubeconfig");
                }
                if (!files.contains(path.toFile())) {
                    files.add(path.toFile());
                }
            }
            return files;
        }
        String variable = env.getOrDefault("KUBECONFIG", "");
        if (!variable.isBlank()) {
            // kubectl skips the names in KUBECONFIG that do not exist, and fails only when none does
            List<File> existing = Arrays.stream(variable.split(File.pathSeparator))
                    .filter(name -> !name.isBlank())
                    .map(File::new)
                    .filter(File::isFile)
                    .distinct()
                    .toList();
            if (existing.isEmpty()) {
                throw new FluxbootException("KUBECONFIG=" + variable + " names no existing file; fix KUBECONFIG or use --kubeconfig");
            }
            return existing;
        }
        Path fallback = home.resolve(".kube").resolve("config");
        return Files.isRegularFile(fallback) ? List.of(fallback.toFile()) : List.of();
    }

    private Config inCluster(KubeConnection connection) {
        Path fallback = home.resolve(".kube").resolve("config");
        if (env.containsKey("KUBERNETES_SERVICE_HOST") && connection.context().isEmpty()
                && connection.clusterName().isEmpty() && connection.userName().isEmpty()) {
            return Config.autoConfigure(null);
        }
        throw new FluxbootException("no kubeconfig found at " + fallback + "; use --kubeconfig, set KUBECONFIG or "
                + "name the API server with --server");
    }

    private static io.fabric8.kubernetes.api.model.Config parse(File file) {
        try {
            // fabric8's YAML reader recurses without a limit: a deeply nested file would overflow the stack
            GoYaml.checkNesting(Files.readString(file.toPath(), StandardCharsets.UTF_8));
        } catch (FluxbootException e) {
            throw new FluxbootException("cannot read kubeconfig " + file + ": not a valid kubeconfig ("
                    + e.getMessage() + "); check --kubeconfig");
        } catch (IOException | RuntimeException e) {
            throw new FluxbootException("cannot read kubeconfig " + file + ": " + Failures.reason(e) + "; check --kubeconfig");
        }
        try {
            return KubeConfigUtils.parseConfig(file);
        } catch (RuntimeException e) {
            // the parser's own message quotes the offending line, which may hold a token: say where only
            throw new FluxbootException("cannot read kubeconfig " + file + ": not a valid kubeconfig" + location(e)
                    + "; check --kubeconfig");
        }
    }

    private static String location(Throwable error) {
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json && json.getLocation() != null
                    && json.getLocation().getLineNr() > 0) {
                return " (line " + json.getLocation().getLineNr() + ")";
            }
        }
        return "";
    }

    private static String list(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
