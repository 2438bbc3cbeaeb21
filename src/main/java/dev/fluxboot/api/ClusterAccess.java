package dev.fluxboot.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which Kubernetes cluster, as whom. By default a kubeconfig and one of its contexts, found as
 * kubectl finds them ({@code KUBECONFIG}, else {@code ~/.kube/config}, else the in-cluster service
 * account). Every other value overrides the kubeconfig's choice field by field, as kubectl's and the
 * Flux CLI's connection flags do ({@code --server}, {@code --token}, {@code --cluster}, {@code --user},
 * {@code --as} ...); with {@link Builder#server} the cluster needs no kubeconfig at all.
 *
 * <p>Files and values: the certificate authority, client certificate and client key can be given
 * as files (the flags) or as PEM text (a Terraform provider's attributes); the last one set wins.
 * Secrets ({@link #token()}, {@link #clientKeyPem()}) are {@link Secret}s and never printed.
 */
public final class ClusterAccess {

    /**
     * A client-go {@code exec} credential plugin, given as values (a kubeconfig's {@code users[].user.exec}).
     *
     * @param apiVersion {@code client.authentication.k8s.io/v1} or {@code v1beta1}
     * @param command    the command to run; a bare name is looked up in PATH
     * @param args       its arguments
     * @param env        variables added to its environment
     */
    public record Exec(String apiVersion, String command, List<String> args, Map<String, String> env) {
        public Exec {
            Objects.requireNonNull(apiVersion, "apiVersion");
            Objects.requireNonNull(command, "command");
            args = List.copyOf(args);
            env = Map.copyOf(env);
        }
    }

    /** A PEM value: a file or its text. */
    private record Pem(Optional<Path> file, Optional<String> text) {
        static final Pem NONE = new Pem(Optional.empty(), Optional.empty());
    }

    private final List<Path> configPaths;
    private final Optional<String> context;
    private final Optional<String> cluster;
    private final Optional<String> user;
    private final Optional<String> server;
    private final Optional<String> tlsServerName;
    private final boolean insecureSkipTlsVerify;
    private final Pem certificateAuthority;
    private final Pem clientCertificate;
    private final Optional<Path> clientKey;
    private final Optional<Secret> clientKeyPem;
    private final Optional<Secret> token;
    private final Optional<String> impersonate;
    private final List<String> impersonateGroups;
    private final Optional<String> impersonateUid;
    private final Map<String, List<String>> impersonateExtra;
    private final Optional<Float> kubeApiQps;
    private final OptionalInt kubeApiBurst;
    private final Optional<Path> cacheDir;
    private final boolean disableCompression;
    private final Optional<String> proxyUrl;
    private final Optional<Exec> exec;

    private ClusterAccess(Builder builder) {
        this.configPaths = List.copyOf(builder.configPaths);
        this.context = builder.context;
        this.cluster = builder.cluster;
        this.user = builder.user;
        this.server = builder.server;
        this.tlsServerName = builder.tlsServerName;
        this.insecureSkipTlsVerify = builder.insecureSkipTlsVerify;
        this.certificateAuthority = builder.certificateAuthority;
        this.clientCertificate = builder.clientCertificate;
        this.clientKey = builder.clientKey;
        this.clientKeyPem = builder.clientKeyPem;
        this.token = builder.token;
        this.impersonate = builder.impersonate;
        this.impersonateGroups = List.copyOf(builder.impersonateGroups);
        this.impersonateUid = builder.impersonateUid;
        this.impersonateExtra = copy(builder.impersonateExtra);
        this.kubeApiQps = builder.kubeApiQps;
        this.kubeApiBurst = builder.kubeApiBurst;
        this.cacheDir = builder.cacheDir;
        this.disableCompression = builder.disableCompression;
        this.proxyUrl = builder.proxyUrl;
        this.exec = builder.exec;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> extra) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        extra.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** The current context of KUBECONFIG or ~/.kube/config. */
    public static ClusterAccess defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this access's values, to change some. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.configPaths = configPaths;
        builder.context = context;
        builder.cluster = cluster;
        builder.user = user;
        builder.server = server;
        builder.tlsServerName = tlsServerName;
        builder.insecureSkipTlsVerify = insecureSkipTlsVerify;
        builder.certificateAuthority = certificateAuthority;
        builder.clientCertificate = clientCertificate;
        builder.clientKey = clientKey;
        builder.clientKeyPem = clientKeyPem;
        builder.token = token;
        builder.impersonate = impersonate;
        builder.impersonateGroups = impersonateGroups;
        builder.impersonateUid = impersonateUid;
        builder.impersonateExtra = impersonateExtra;
        builder.kubeApiQps = kubeApiQps;
        builder.kubeApiBurst = kubeApiBurst;
        builder.cacheDir = cacheDir;
        builder.disableCompression = disableCompression;
        builder.proxyUrl = proxyUrl;
        builder.exec = exec;
        return builder;
    }

    /** The kubeconfig file when exactly one is named ({@code --kubeconfig}); the first of {@link #configPaths()}. */
    public Optional<Path> kubeconfig() {
        return configPaths.stream().findFirst();
    }

    /** Kubeconfig files, merged as kubectl merges KUBECONFIG (first file wins per name); empty: the defaults. */
    public List<Path> configPaths() {
        return configPaths;
    }

    /** {@code --context}; empty: the kubeconfig's current context. */
    public Optional<String> context() {
        return context;
    }

    /** {@code --cluster}: the kubeconfig cluster to use instead of the context's. */
    public Optional<String> cluster() {
        return cluster;
    }

    /** {@code --user}: the kubeconfig user to use instead of the context's. */
    public Optional<String> user() {
        return user;
    }

    /** {@code --server}: the API server address ({@code https://host:port}). */
    public Optional<String> server() {
        return server;
    }

    /** {@code --tls-server-name}: the name the server's certificate is checked against. */
    public Optional<String> tlsServerName() {
        return tlsServerName;
    }

    /** {@code --insecure-skip-tls-verify}: the server's certificate is not checked. */
    public boolean insecureSkipTlsVerify() {
        return insecureSkipTlsVerify;
    }

    /** {@code --certificate-authority}: a PEM file of the server's CA. */
    public Optional<Path> certificateAuthority() {
        return certificateAuthority.file();
    }

    /** The server's CA as PEM text. */
    public Optional<String> certificateAuthorityPem() {
        return certificateAuthority.text();
    }

    /** {@code --client-certificate}: a PEM file. */
    public Optional<Path> clientCertificate() {
        return clientCertificate.file();
    }

    /** The client certificate as PEM text. */
    public Optional<String> clientCertificatePem() {
        return clientCertificate.text();
    }

    /** {@code --client-key}: a PEM file. */
    public Optional<Path> clientKey() {
        return clientKey;
    }

    /** The client key as PEM text. */
    public Optional<Secret> clientKeyPem() {
        return clientKeyPem;
    }

    /** {@code --token}: a bearer token. */
    public Optional<Secret> token() {
        return token;
    }

    /** {@code --as}: the user to impersonate. */
    public Optional<String> impersonate() {
        return impersonate;
    }

    /** {@code --as-group}, repeatable: groups to impersonate (with {@link #impersonate()}). */
    public List<String> impersonateGroups() {
        return impersonateGroups;
    }

    /** {@code --as-uid}: the UID to impersonate. */
    public Optional<String> impersonateUid() {
        return impersonateUid;
    }

    /** {@code --as-user-extra}: extra fields of the impersonated user. */
    public Map<String, List<String>> impersonateExtra() {
        return impersonateExtra;
    }

    /** {@code --kube-api-qps}; empty: Flux's 50 requests a second. */
    public Optional<Float> kubeApiQps() {
        return kubeApiQps;
    }

    /** {@code --kube-api-burst}; empty: Flux's 300. */
    public OptionalInt kubeApiBurst() {
        return kubeApiBurst;
    }

    /** {@code --cache-dir}: kubectl's discovery cache; fluxboot keeps none and only carries it. */
    public Optional<Path> cacheDir() {
        return cacheDir;
    }

    /** {@code --disable-compression}; fluxboot never asks for compressed responses anyway. */
    public boolean disableCompression() {
        return disableCompression;
    }

    /** A proxy for the API server ({@code http://}, {@code https://} or {@code socks5://}). */
    public Optional<String> proxyUrl() {
        return proxyUrl;
    }

    /** A credential plugin that gives the credentials, instead of the kubeconfig user's. */
    public Optional<Exec> exec() {
        return exec;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ClusterAccess[kubeconfig=")
                .append(configPaths.isEmpty() ? "default" : String.join(java.io.File.pathSeparator,
                        configPaths.stream().map(Path::toString).toList()))
                .append(", context=").append(context.orElse("current"));
        cluster.ifPresent(value -> text.append(", cluster=").append(value));
        user.ifPresent(value -> text.append(", user=").append(value));
        server.ifPresent(value -> text.append(", server=").append(value));
        token.ifPresent(value -> text.append(", token=").append(value));
        clientKeyPem.ifPresent(value -> text.append(", clientKey=").append(value));
        impersonate.ifPresent(value -> text.append(", as=").append(value));
        exec.ifPresent(value -> text.append(", exec=").append(value.command()));
        return text.append("]").toString();
    }

    /** Immutable once built; each setter replaces its value (null or blank text clears it). */
    public static final class Builder {
        private List<Path> configPaths = List.of();
        private Optional<String> context = Optional.empty();
        private Optional<String> cluster = Optional.empty();
        private Optional<String> user = Optional.empty();
        private Optional<String> server = Optional.empty();
        private Optional<String> tlsServerName = Optional.empty();
        private boolean insecureSkipTlsVerify;
        private Pem certificateAuthority = Pem.NONE;
        private Pem clientCertificate = Pem.NONE;
        private Optional<Path> clientKey = Optional.empty();
        private Optional<Secret> clientKeyPem = Optional.empty();
        private Optional<Secret> token = Optional.empty();
        private Optional<String> impersonate = Optional.empty();
        private List<String> impersonateGroups = List.of();
        private Optional<String> impersonateUid = Optional.empty();
        private Map<String, List<String>> impersonateExtra = Map.of();
        private Optional<Float> kubeApiQps = Optional.empty();
        private OptionalInt kubeApiBurst = OptionalInt.empty();
        private Optional<Path> cacheDir = Optional.empty();
        private boolean disableCompression;
        private Optional<String> proxyUrl = Optional.empty();
        private Optional<Exec> exec = Optional.empty();

        private Builder() {
        }

        private static Optional<String> text(String value) {
            return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
        }

        /** {@code --kubeconfig}. */
        public Builder kubeconfig(Path value) {
            configPaths = List.of(Objects.requireNonNull(value, "kubeconfig"));
            return this;
        }

        /** Several kubeconfig files, merged as kubectl merges KUBECONFIG; an empty list means the defaults. */
        public Builder configPaths(List<Path> value) {
            configPaths = List.copyOf(value);
            return this;
        }

        /** {@code --context}; blank means the kubeconfig's current context. */
        public Builder context(String value) {
            context = text(value);
            return this;
        }

        /** {@code --cluster}. */
        public Builder cluster(String value) {
            cluster = text(value);
            return this;
        }

        /** {@code --user}. */
        public Builder user(String value) {
            user = text(value);
            return this;
        }

        /** {@code --server}; {@code host:port} means {@code https://host:port}. */
        public Builder server(String value) {
            server = text(value);
            return this;
        }

        /** {@code --tls-server-name}. */
        public Builder tlsServerName(String value) {
            tlsServerName = text(value);
            return this;
        }

        /** {@code --insecure-skip-tls-verify}. */
        public Builder insecureSkipTlsVerify(boolean value) {
            insecureSkipTlsVerify = value;
            return this;
        }

        /** {@code --certificate-authority}: a PEM file; replaces {@link #certificateAuthorityPem}. */
        public Builder certificateAuthority(Path value) {
            certificateAuthority = new Pem(Optional.of(Objects.requireNonNull(value)), Optional.empty());
            return this;
        }

        /** The server's CA as PEM text; replaces {@link #certificateAuthority(Path)}. */
        public Builder certificateAuthorityPem(String value) {
            certificateAuthority = value == null || value.isBlank() ? Pem.NONE : new Pem(Optional.empty(), Optional.of(value));
            return this;
        }

        /** {@code --client-certificate}: a PEM file; replaces {@link #clientCertificatePem}. */
        public Builder clientCertificate(Path value) {
            clientCertificate = new Pem(Optional.of(Objects.requireNonNull(value)), Optional.empty());
            return this;
        }

        /** The client certificate as PEM text; replaces {@link #clientCertificate(Path)}. */
        public Builder clientCertificatePem(String value) {
            clientCertificate = value == null || value.isBlank() ? Pem.NONE : new Pem(Optional.empty(), Optional.of(value));
            return this;
        }

        /** {@code --client-key}: a PEM file; replaces {@link #clientKeyPem}. */
        public Builder clientKey(Path value) {
            clientKey = Optional.of(Objects.requireNonNull(value));
            clientKeyPem = Optional.empty();
            return this;
        }

        /** The client key as PEM text; replaces {@link #clientKey(Path)}. */
        public Builder clientKeyPem(Secret value) {
            clientKeyPem = Optional.ofNullable(value).filter(secret -> !secret.reveal().isBlank());
            clientKey = Optional.empty();
            return this;
        }

        /** {@code --token}: a bearer token; an empty one is none. */
        public Builder token(Secret value) {
            token = Optional.ofNullable(value).filter(secret -> !secret.isEmpty());
            return this;
        }

        /** {@code --as}. */
        public Builder impersonate(String value) {
            impersonate = text(value);
            return this;
        }

        /** {@code --as-group}, each. */
        public Builder impersonateGroups(List<String> value) {
            impersonateGroups = List.copyOf(value);
            return this;
        }

        /** {@code --as-uid}. */
        public Builder impersonateUid(String value) {
            impersonateUid = text(value);
            return this;
        }

        /** {@code --as-user-extra}. */
        public Builder impersonateExtra(Map<String, List<String>> value) {
            impersonateExtra = copy(value);
            return this;
        }

        /** {@code --kube-api-qps}: below 0 no limit, 0 client-go's default of 5. */
        public Builder kubeApiQps(float value) {
            kubeApiQps = Optional.of(value);
            return this;
        }

        /** {@code --kube-api-burst}. */
        public Builder kubeApiBurst(int value) {
            kubeApiBurst = OptionalInt.of(value);
            return this;
        }

        /** {@code --cache-dir}. */
        public Builder cacheDir(Path value) {
            cacheDir = Optional.ofNullable(value);
            return this;
        }

        /** {@code --disable-compression}. */
        public Builder disableCompression(boolean value) {
            disableCompression = value;
            return this;
        }

        /** A proxy for the API server, instead of the kubeconfig's {@code proxy-url} and HTTPS_PROXY. */
        public Builder proxyUrl(String value) {
            proxyUrl = text(value);
            return this;
        }

        /** A credential plugin, instead of the kubeconfig user's credentials. */
        public Builder exec(Exec value) {
            exec = Optional.ofNullable(value);
            return this;
        }

        public ClusterAccess build() {
            return new ClusterAccess(this);
        }
    }
}
