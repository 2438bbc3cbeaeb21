package dev.fluxboot.cluster;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which cluster to talk to and as whom, as kubectl and the Flux CLI choose it: kubeconfig files and
 * a context ({@code --kubeconfig}, {@code KUBECONFIG}, {@code ~/.kube/config}, {@code --context}),
 * overridden field by field by the connection flags ({@code --server}, {@code --token},
 * {@code --cluster}, {@code --user}, {@code --as} ...) or given without any kubeconfig at all.
 *
 * <p>Secret values (token, client key) are plain strings here: this value lives below the api and
 * never prints them ({@link #toString()} leaves them out).
 */
public final class KubeConnection {

    /**
     * A client-go {@code exec} credential plugin given as values rather than in a kubeconfig.
     *
     * @param apiVersion {@code client.authentication.k8s.io/v1} or {@code v1beta1}
     * @param command    the command; a bare name is looked up in PATH
     */
    public record Exec(String apiVersion, String command, List<String> args, Map<String, String> env) {
        public Exec {
            Objects.requireNonNull(apiVersion, "apiVersion");
            Objects.requireNonNull(command, "command");
            args = List.copyOf(args);
            env = Map.copyOf(env);
        }
    }

    /** A PEM value given either as a file or as the text itself. */
    public sealed interface Pem {
        /** A file holding the PEM text ({@code --client-certificate}, {@code --certificate-authority}, {@code --client-key}). */
        record File(Path path) implements Pem {
            public File {
                Objects.requireNonNull(path, "path");
            }
        }

        /** The PEM text. */
        record Text(String pem) implements Pem {
            public Text {
                Objects.requireNonNull(pem, "pem");
            }

            @Override
            public String toString() {
                return "Text[***]";
            }
        }
    }

    private final List<Path> kubeconfigs;
    private final Optional<String> context;
    private final Optional<String> clusterName;
    private final Optional<String> userName;
    private final Optional<String> server;
    private final Optional<String> tlsServerName;
    private final boolean insecureSkipTlsVerify;
    private final Optional<Pem> certificateAuthority;
    private final Optional<Pem> clientCertificate;
    private final Optional<Pem> clientKey;
    private final Optional<String> token;
    private final Optional<String> impersonate;
    private final List<String> impersonateGroups;
    private final Optional<String> impersonateUid;
    private final Map<String, List<String>> impersonateExtra;
    private final Optional<Float> qps;
    private final OptionalInt burst;
    private final Optional<Path> cacheDir;
    private final boolean disableCompression;
    private final Optional<String> proxyUrl;
    private final Optional<Exec> exec;

    private KubeConnection(Builder builder) {
        this.kubeconfigs = List.copyOf(builder.kubeconfigs);
        this.context = nonBlank(builder.context);
        this.clusterName = nonBlank(builder.clusterName);
        this.userName = nonBlank(builder.userName);
        this.server = nonBlank(builder.server);
        this.tlsServerName = nonBlank(builder.tlsServerName);
        this.insecureSkipTlsVerify = builder.insecureSkipTlsVerify;
        this.certificateAuthority = builder.certificateAuthority;
        this.clientCertificate = builder.clientCertificate;
        this.clientKey = builder.clientKey;
        this.token = builder.token.filter(value -> !value.isEmpty());
        this.impersonate = nonBlank(builder.impersonate);
        this.impersonateGroups = List.copyOf(builder.impersonateGroups);
        this.impersonateUid = nonBlank(builder.impersonateUid);
        this.impersonateExtra = Map.copyOf(builder.impersonateExtra);
        this.qps = builder.qps;
        this.burst = builder.burst;
        this.cacheDir = builder.cacheDir;
        this.disableCompression = builder.disableCompression;
        this.proxyUrl = nonBlank(builder.proxyUrl);
        this.exec = builder.exec;
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(text -> !text.isEmpty());
    }

    /** KUBECONFIG or ~/.kube/config, its current context. */
    public static KubeConnection defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code --kubeconfig}, or several files merged as kubectl merges KUBECONFIG; empty: KUBECONFIG, ~/.kube/config, in-cluster. */
    public List<Path> kubeconfigs() {
        return kubeconfigs;
    }

    /** The first of {@link #kubeconfigs()}, for callers that name one file. */
    public Optional<Path> kubeconfig() {
        return kubeconfigs.stream().findFirst();
    }

    /** {@code --context}; empty means the kubeconfig's current context. */
    public Optional<String> context() {
        return context;
    }

    /** {@code --cluster}: the kubeconfig cluster to use instead of the context's. */
    public Optional<String> clusterName() {
        return clusterName;
    }

    /** {@code --user}: the kubeconfig user to use instead of the context's. */
    public Optional<String> userName() {
        return userName;
    }

    /** {@code --server}: the API server's address instead of the cluster's. */
    public Optional<String> server() {
        return server;
    }

    /** {@code --tls-server-name}: the name the server's certificate must be valid for, instead of the address's host. */
    public Optional<String> tlsServerName() {
        return tlsServerName;
    }

    /** {@code --insecure-skip-tls-verify}. */
    public boolean insecureSkipTlsVerify() {
        return insecureSkipTlsVerify;
    }

    /** {@code --certificate-authority} (or its PEM text). */
    public Optional<Pem> certificateAuthority() {
        return certificateAuthority;
    }

    /** {@code --client-certificate} (or its PEM text). */
    public Optional<Pem> clientCertificate() {
        return clientCertificate;
    }

    /** {@code --client-key} (or its PEM text). */
    public Optional<Pem> clientKey() {
        return clientKey;
    }

    /** {@code --token}: a bearer token. */
    public Optional<String> token() {
        return token;
    }

    /** {@code --as}. */
    public Optional<String> impersonate() {
        return impersonate;
    }

    /** {@code --as-group}, each. */
    public List<String> impersonateGroups() {
        return impersonateGroups;
    }

    /** {@code --as-uid}. */
    public Optional<String> impersonateUid() {
        return impersonateUid;
    }

    /** {@code --as-user-extra}. */
    public Map<String, List<String>> impersonateExtra() {
        return impersonateExtra;
    }

    /** {@code --kube-api-qps}; empty: Flux's 50. */
    public Optional<Float> qps() {
        return qps;
    }

    /** {@code --kube-api-burst}; empty: Flux's 300. */
    public OptionalInt burst() {
        return burst;
    }

    /** {@code --cache-dir}: kubectl's discovery cache; fluxboot keeps none, so it is only carried. */
    public Optional<Path> cacheDir() {
        return cacheDir;
    }

    /** {@code --disable-compression}: fluxboot never asks for compressed responses, so it holds either way. */
    public boolean disableCompression() {
        return disableCompression;
    }

    /** An HTTP(S) proxy for the API server, instead of the kubeconfig's {@code proxy-url} and the environment. */
    public Optional<String> proxyUrl() {
        return proxyUrl;
    }

    /** A credential plugin given as values, used instead of the user's credentials. */
    public Optional<Exec> exec() {
        return exec;
    }

    /** Whether anything beyond the kubeconfig files and context is given. */
    boolean hasOverrides() {
        return clusterName.isPresent() || userName.isPresent() || server.isPresent() || tlsServerName.isPresent()
                || insecureSkipTlsVerify || certificateAuthority.isPresent() || clientCertificate.isPresent()
                || clientKey.isPresent() || token.isPresent() || impersonate.isPresent() || proxyUrl.isPresent()
                || exec.isPresent();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("KubeConnection[kubeconfig=").append(kubeconfigs.isEmpty() ? ""
                : String.join(java.io.File.pathSeparator, kubeconfigs.stream().map(Path::toString).toList()))
                .append(", context=").append(context.orElse(""));
        clusterName.ifPresent(value -> text.append(", cluster=").append(value));
        userName.ifPresent(value -> text.append(", user=").append(value));
        server.ifPresent(value -> text.append(", server=").append(value));
        token.ifPresent(value -> text.append(", token=***"));
        clientKey.ifPresent(value -> text.append(", clientKey=***"));
        impersonate.ifPresent(value -> text.append(", as=").append(value));
        exec.ifPresent(value -> text.append(", exec=").append(value.command()));
        return text.append("]").toString();
    }

    public static final class Builder {
        private List<Path> kubeconfigs = List.of();
        private Optional<String> context = Optional.empty();
        private Optional<String> clusterName = Optional.empty();
        private Optional<String> userName = Optional.empty();
        private Optional<String> server = Optional.empty();
        private Optional<String> tlsServerName = Optional.empty();
        private boolean insecureSkipTlsVerify;
        private Optional<Pem> certificateAuthority = Optional.empty();
        private Optional<Pem> clientCertificate = Optional.empty();
        private Optional<Pem> clientKey = Optional.empty();
        private Optional<String> token = Optional.empty();
        private Optional<String> impersonate = Optional.empty();
        private List<String> impersonateGroups = List.of();
        private Optional<String> impersonateUid = Optional.empty();
        private Map<String, List<String>> impersonateExtra = Map.of();
        private Optional<Float> qps = Optional.empty();
        private OptionalInt burst = OptionalInt.empty();
        private Optional<Path> cacheDir = Optional.empty();
        private boolean disableCompression;
        private Optional<String> proxyUrl = Optional.empty();
        private Optional<Exec> exec = Optional.empty();

        private Builder() {
        }

        public Builder kubeconfig(Optional<Path> value) {
            kubeconfigs = Objects.requireNonNull(value, "kubeconfig").map(List::of).orElse(List.of());
            return this;
        }

        public Builder kubeconfigs(List<Path> value) {
            kubeconfigs = List.copyOf(value);
            return this;
        }

        public Builder context(Optional<String> value) {
            context = Objects.requireNonNull(value, "context");
            return this;
        }

        public Builder clusterName(Optional<String> value) {
            clusterName = Objects.requireNonNull(value);
            return this;
        }

        public Builder userName(Optional<String> value) {
            userName = Objects.requireNonNull(value);
            return this;
        }

        public Builder server(Optional<String> value) {
            server = Objects.requireNonNull(value);
            return this;
        }

        public Builder tlsServerName(Optional<String> value) {
            tlsServerName = Objects.requireNonNull(value);
            return this;
        }

        public Builder insecureSkipTlsVerify(boolean value) {
            insecureSkipTlsVerify = value;
            return this;
        }

        public Builder certificateAuthority(Optional<Pem> value) {
            certificateAuthority = Objects.requireNonNull(value);
            return this;
        }

        public Builder clientCertificate(Optional<Pem> value) {
            clientCertificate = Objects.requireNonNull(value);
            return this;
        }

        public Builder clientKey(Optional<Pem> value) {
            clientKey = Objects.requireNonNull(value);
            return this;
        }

        public Builder token(Optional<String> value) {
            token = Objects.requireNonNull(value);
            return this;
        }

        public Builder impersonate(Optional<String> user, List<String> groups, Optional<String> uid,
                                   Map<String, List<String>> extra) {
            impersonate = Objects.requireNonNull(user);
            impersonateGroups = List.copyOf(groups);
            impersonateUid = Objects.requireNonNull(uid);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            extra.forEach((key, values) -> copy.put(key, List.copyOf(values)));
            impersonateExtra = copy;
            return this;
        }

        public Builder rateLimit(Optional<Float> qpsValue, OptionalInt burstValue) {
            qps = Objects.requireNonNull(qpsValue);
            burst = Objects.requireNonNull(burstValue);
            return this;
        }

        public Builder cacheDir(Optional<Path> value) {
            cacheDir = Objects.requireNonNull(value);
            return this;
        }

        public Builder disableCompression(boolean value) {
            disableCompression = value;
            return this;
        }

        public Builder proxyUrl(Optional<String> value) {
            proxyUrl = Objects.requireNonNull(value);
            return this;
        }

        public Builder exec(Optional<Exec> value) {
            exec = Objects.requireNonNull(value);
            return this;
        }

        public KubeConnection build() {
            return new KubeConnection(this);
        }
    }
}
