package dev.fluxboot.api;

import dev.fluxboot.UsageException;
import dev.fluxboot.bootstrap.BootstrapRequest;
import dev.fluxboot.bootstrap.CommitSettings;
import dev.fluxboot.bootstrap.ForgeRequest;
import dev.fluxboot.bootstrap.InstallRequest;
import dev.fluxboot.bootstrap.RegistryCredentials;
import dev.fluxboot.bootstrap.SourceAuth;
import dev.fluxboot.bootstrap.SyncTarget;
import dev.fluxboot.bootstrap.UninstallRequest;
import dev.fluxboot.cluster.ConnectionCheck;
import dev.fluxboot.cluster.KubeConnection;
import dev.fluxboot.git.CommitDetails;
import dev.fluxboot.git.CommitSigner;
import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.GitUrl;
import dev.fluxboot.git.HostKeyScanner;
import dev.fluxboot.git.OpenPgpSigner;
import dev.fluxboot.git.RepositoryPath;
import dev.fluxboot.git.SparseCheckout;
import dev.fluxboot.git.SshCommitSigner;
import dev.fluxboot.git.SshKeyAlgorithm;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.git.TlsTrust;
import dev.fluxboot.githost.DeployKey;
import dev.fluxboot.githost.Forge;
import dev.fluxboot.githost.ForgeConnection;
import dev.fluxboot.githost.RepositorySpec;
import dev.fluxboot.githost.TeamAccess;
import dev.fluxboot.manifests.bundle.FluxReleases;
import dev.fluxboot.manifests.overlay.InstallOptions;
import dev.fluxboot.manifests.overlay.InstallOptionsValidator;
import dev.fluxboot.ui.Reporter;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Specs into the engine's requests. Every check of a value happens here, before anything runs, as a
 * {@link UsageException} naming the flag; files the spec names (keys, CA bundles, key rings) are read
 * here too, so a bad one is a usage error as well.
 */
final class Requests {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SECRET_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Set<String> GITLAB_VISIBILITIES = Set.of("private", "internal", "public");

    private final BuildInfo build;
    private final Map<String, String> environment;
    private final Reporter reporter;

    Requests(BuildInfo build, Map<String, String> environment, Reporter reporter) {
        this.build = build;
        this.environment = environment;
        this.reporter = reporter;
    }

    /**
     * The cluster layer's value of a {@link ClusterAccess}, checked: a certificate file that is
     * missing or holds no PEM, flags that cannot work together, are usage errors here, before any run.
     */
    static KubeConnection connection(ClusterAccess cluster) {
        KubeConnection connection = KubeConnection.builder()
                .kubeconfigs(cluster.configPaths())
                .context(cluster.context())
                .clusterName(cluster.cluster())
                .userName(cluster.user())
                .server(cluster.server())
                .tlsServerName(cluster.tlsServerName())
                .insecureSkipTlsVerify(cluster.insecureSkipTlsVerify())
                .certificateAuthority(pem(cluster.certificateAuthority(), cluster.certificateAuthorityPem()))
                .clientCertificate(pem(cluster.clientCertificate(), cluster.clientCertificatePem()))
                .clientKey(pem(cluster.clientKey(), cluster.clientKeyPem().map(Secret::reveal)))
                .token(cluster.token().map(Secret::reveal))
                .impersonate(cluster.impersonate(), cluster.impersonateGroups(), cluster.impersonateUid(),
                        cluster.impersonateExtra())
                .rateLimit(cluster.kubeApiQps(), cluster.kubeApiBurst())
                .cacheDir(cluster.cacheDir())
                .disableCompression(cluster.disableCompression())
                .proxyUrl(cluster.proxyUrl())
                .exec(cluster.exec().map(exec -> new KubeConnection.Exec(exec.apiVersion(), exec.command(), exec.args(),
                        exec.env())))
                .build();
        ConnectionCheck.require(connection);
        return connection;
    }

    private static Optional<KubeConnection.Pem> pem(Optional<Path> file, Optional<String> text) {
        return file.<KubeConnection.Pem>map(KubeConnection.Pem.File::new).or(() -> text.map(KubeConnection.Pem.Text::new));
    }

    static String namespace(String namespace) {
        if (namespace == null || namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()) {
            throw new UsageException("--namespace \"" + namespace + "\" is not a valid DNS label: use at most 63 "
                    + "lowercase letters, digits and '-', starting and ending with a letter or digit");
        }
        return namespace;
    }

    static Duration timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new UsageException("--timeout must be positive, e.g. --timeout=5m");
        }
        return timeout;
    }

    InstallRequest install(InstallSpec spec) {
        namespace(spec.namespace());
        timeout(spec.timeout());
        Components components = spec.components();
        Optional<String> version = components.version();
        if (components.manifests().isPresent() && version.isEmpty()) {
            throw new UsageException("--manifests requires --version: give the Flux release the manifests are of, "
                    + "e.g. --version=" + build.defaultFluxVersion());
        }
        version.filter(v -> !v.equalsIgnoreCase(FluxReleases.LATEST)).ifPresent(FluxReleases::normalizeVersion);
        InstallOptions options = InstallOptions.builder(version.orElse(build.defaultFluxVersion()))
                .namespace(spec.namespace())
                .components(nonEmpty(components.components()))
                .componentsExtra(nonEmpty(components.componentsExtra()))
                .registry(components.registry())
                .imagePullSecret(components.imagePullSecret())
                .watchAllNamespaces(components.watchAllNamespaces())
                .networkPolicy(components.networkPolicy())
                .logLevel(components.logLevel())
                .clusterDomain(components.clusterDomain())
                .tolerationKeys(nonEmpty(components.tolerationKeys()))
                .build();
        InstallOptionsValidator.validate(options);
        String credentials = components.registryCredentials().map(Secret::reveal).orElse("");
        InstallOptionsValidator.validateRegistryCredentials(credentials, components.imagePullSecret());
        Optional<RegistryCredentials> registry = credentials.isEmpty() ? Optional.empty()
                : Optional.of(RegistryCredentials.parse(credentials));
        return new InstallRequest(options, components.manifests(), version, registry, spec.force(),
                connection(spec.cluster()));
    }

    BootstrapRequest bootstrap(BootstrapSpec spec) {
        return bootstrap(spec, install -> { });
    }

    /**
     * @param clusterReady given the install part as soon as it is checked, before the Git
     *                     credentials (an SSH key to parse) and the rest: the caller may start
     *                     connecting to the cluster meanwhile
     */
    BootstrapRequest bootstrap(BootstrapSpec spec, java.util.function.Consumer<InstallRequest> clusterReady) {
        InstallRequest install = install(spec.install());
        clusterReady.accept(install);
        InstallOptionsValidator.requireBootstrapComponents(install.options());
        GitCredentials credentials = spec.credentials();
        if (spec.forge().isPresent()) {
            return forgeBootstrap(spec, spec.forge().get(), install);
        }
        String url = spec.url().orElseThrow(() -> new UsageException("--url is required: give the Git repository URL, "
                + "e.g. --url=ssh://git@example.com/org/repository.git"));
        GitUrl parsed = GitUrl.parse(url).requireSecure(credentials.allowInsecureHttp());
        boolean tokenAuth = credentials.tokenAuth() || credentials.bearerToken();
        if (tokenAuth && credentials.password().isEmpty()) {
            throw new UsageException((credentials.bearerToken() ? "--with-bearer-token" : "--token-auth")
                    + " needs the password or token: pass --password or set GIT_PASSWORD");
        }
        boolean keyGiven = credentials.privateKey().isPresent() || credentials.privateKeyFile().isPresent();
        if (parsed.isSsh() && tokenAuth && !keyGiven) {
            throw new UsageException("--url " + parsed + " uses SSH: with --token-auth give an https URL (the token is "
                    + "for HTTPS), or pass --private-key-file for fluxboot's own SSH connection");
        }
        String password = credentials.password().map(Secret::reveal).orElse("");
        SourceAuth auth = auth(credentials, credentials.username(), password, password).build();
        return new BootstrapRequest(install, target(spec, url), auth, commits(spec.commits(), credentials),
                spec.silent(),
                Optional.empty(), kustomizeBinary(spec), spec.kustomizationOverride(),
                spec.sourceSecretProvided());
    }

    private BootstrapRequest forgeBootstrap(BootstrapSpec spec, ForgeRepository repository, InstallRequest install) {
        Forge forge = forge(repository.forge());
        checkForge(repository, repository.forge());
        if (spec.credentials().tokenAuth() && repository.deployTokenAuth()) {
            throw new UsageException("--token-auth and --deploy-token-auth cannot be set both: choose one");
        }
        String token = repository.token().reveal();
        String gitUsername = gitUsername(repository);
        // The key file has no passphrase here (Flux's forge commands read it without one); the
        // password is the token, for the tool's HTTPS clone and a --token-auth Secret.
        SourceAuth auth = auth(spec.credentials(), gitUsername, "", token)
                .tokenAuth(spec.credentials().tokenAuth() || repository.deployTokenAuth())
                .bearerToken(false)
                .allowInsecureHttp(false)
                .build();
        SyncTarget target = target(spec, "");
        RepositorySpec repositorySpec = new RepositorySpec(repository.owner(), repository.name(), repository.personal(),
                visibility(repository), "", target.branch(), teams(repository), repository.reconcile());
        ForgeRequest request = new ForgeRequest(forge, forgeConnection(repository, spec.install().timeout(),
                auth.sshHostname()), repository.username(), repositorySpec, repository.readWriteKey(),
                repository.deployTokenAuth());
        // The repository URL comes from the forge in step 1; until then the target names none.
        return new BootstrapRequest(install, target, auth, commits(spec.commits(), spec.credentials()), true,
                Optional.of(request),
                kustomizeBinary(spec), spec.kustomizationOverride(),
                spec.sourceSecretProvided());
    }

    UninstallRequest uninstall(UninstallSpec spec) {
        namespace(spec.namespace());
        timeout(spec.timeout());
        Optional<UninstallRequest.FromGit> fromGit = spec.fromGit().map(from -> fromGit(from, spec.namespace()));
        return new UninstallRequest(spec.namespace(), spec.keepNamespace(), spec.silent(), fromGit);
    }

    /** {@code uninstall --from-git <forge>}: the forge request to connect with; empty for plain Git. */
    Optional<ForgeRequest> uninstallForge(UninstallSpec spec) {
        return spec.fromGit().flatMap(UninstallSpec.FromGit::forge).map(repository -> {
            Forge forge = forge(repository.forge());
            RepositorySpec repositorySpec = new RepositorySpec(repository.owner(), repository.name(),
                    repository.personal(), "private", "", spec.fromGit().get().branch(), List.of(), false);
            return new ForgeRequest(forge, forgeConnection(repository, spec.timeout(), Optional.empty()),
                    repository.username(), repositorySpec, false, false);
        });
    }

    private UninstallRequest.FromGit fromGit(UninstallSpec.FromGit from, String namespace) {
        String path = RepositoryPath.parse("--path", from.path()).value();
        String folder = path.isEmpty() ? namespace : path + "/" + namespace;
        CommitDetails commit = new CommitDetails(from.commits().authorName(), from.commits().authorEmail(),
                "Remove Flux from " + folder);
        if (from.forge().isPresent()) {
            ForgeRepository repository = from.forge().get();
            String flag = "--from-git " + repository.forge().provider();
            if (from.url().isPresent()) {
                throw new UsageException("--url is for --from-git git: with " + flag
                        + " give --owner and --repository, the forge knows the URL");
            }
            if (repository.owner().isEmpty()) {
                throw new UsageException(flag + " needs --owner: give the " + repository.forge().label()
                        + " owner of the repository, e.g. --owner=my-org");
            }
            if (repository.name().isEmpty()) {
                throw new UsageException(flag + " needs --repository: give the name of the "
                        + repository.forge().label() + " repository, e.g. --repository=fleet-infra");
            }
            apiUrl(repository.apiUrl());
            UninstallRequest.ForgeRemoval removal = new UninstallRequest.ForgeRemoval(
                    new RepositorySpec(repository.owner(), repository.name(), repository.personal(), "private", "",
                            from.branch(), List.of(), false),
                    gitUsername(repository), DeployKey.fluxTitle(namespace, from.branch(), from.secretName(), path),
                    from.keepFolder());
            return new UninstallRequest.FromGit(folder, from.branch(), commit, Optional.empty(), Optional.of(removal));
        }
        if (from.keepFolder()) {
            throw new UsageException("keeping the folder is for a forge (it keeps the folder and deletes the deploy key): "
                    + "for plain Git, uninstall without --from-git");
        }
        String url = from.url().orElseThrow(() -> new UsageException("--from-git git needs --url: give the Git "
                + "repository URL, e.g. --url=ssh://git@example.com/org/repository.git"));
        GitUrl.parse(url).requireSecure(from.credentials().allowInsecureHttp());
        String password = from.credentials().password().map(Secret::reveal).orElse("");
        SourceAuth auth = auth(from.credentials(), from.credentials().username(), password, password).build();
        return new UninstallRequest.FromGit(folder, from.branch(), commit,
                Optional.of(new UninstallRequest.PlainRemote(url, auth, from.secretName())), Optional.empty());
    }

    /**
     * The credential settings, with the key and CA read and checked.
     *
     * @param keyPassphrase the passphrase of a private key ({@code ""} for none)
     * @param password      the HTTP password or token
     */
    private static SourceAuth.Builder auth(GitCredentials credentials, String username, String keyPassphrase,
                                           String password) {
        SshKeyAlgorithm algorithm = SshKeyAlgorithm.parse(credentials.keyAlgorithm());
        EcdsaCurve curve = EcdsaCurve.parse(credentials.ecdsaCurve());
        SshKeyGenerator.checkRsaBits(credentials.rsaBits());
        Optional<SshKeyPair> key = credentials.privateKeyFile().map(file -> SshKeyPair.read(file, keyPassphrase))
                .or(() -> credentials.privateKey().map(pem -> SshKeyPair.parse(pem.reveal(), keyPassphrase,
                        "the private key")));
        Optional<String> ca = credentials.caFile().map(TlsTrust::readCaFile).or(credentials::caCertificates);
        ca.ifPresent(pem -> TlsTrust.parseCertificates(pem, "the CA certificates (--ca-file)"));
        List<String> algorithms = nonEmpty(credentials.hostKeyAlgorithms());
        HostKeyScanner.checkAlgorithms(algorithms);
        return SourceAuth.builder()
                .tokenAuth(credentials.tokenAuth())
                .bearerToken(credentials.bearerToken())
                .username(username)
                .password(password)
                .privateKey(key)
                .keyAlgorithm(algorithm)
                .rsaBits(credentials.rsaBits())
                .curve(curve)
                .sshHostname(credentials.sshHostname())
                .hostKeyAlgorithms(algorithms)
                .caPem(ca)
                .allowInsecureHttp(credentials.allowInsecureHttp());
    }

    /** Repository, branch, path, interval and secret name for the repository at {@code url}. */
    private static SyncTarget target(BootstrapSpec spec, String url) {
        if (spec.branch() == null || spec.branch().isBlank()) {
            throw new UsageException("--branch must not be empty");
        }
        String secretName = spec.secretName();
        if (secretName == null || secretName.length() > 253 || !SECRET_NAME.matcher(secretName).matches()) {
            throw new UsageException("--secret-name \"" + secretName + "\" is not a valid Secret name: use lowercase "
                    + "letters, digits, '-' and '.'");
        }
        if (spec.interval().isNegative() || spec.interval().isZero()) {
            throw new UsageException("--interval must be positive, e.g. --interval=1m");
        }
        String path = RepositoryPath.parse("--path", spec.path()).value();
        return new SyncTarget(url.strip(), spec.branch().strip(), path, spec.interval(), spec.recurseSubmodules(),
                secretName, SparseCheckout.check(spec.sparseCheckout(), path));
    }

    /** {@code --kustomize-bin}, checked: an executable file. */
    private static Optional<Path> kustomizeBinary(BootstrapSpec spec) {
        spec.kustomizeBinary().filter(bin -> !(Files.isRegularFile(bin) && Files.isExecutable(bin))).ifPresent(bin -> {
            throw new UsageException("--kustomize-bin " + bin + " is not an executable file;"
                    + " give the path of kustomize or kubectl");
        });
        return spec.kustomizeBinary();
    }

    /** Author, appendix and signer; a key that cannot be read or unlocked is refused here. */
    private static CommitSettings commits(CommitOptions options, GitCredentials credentials) {
        boolean ssh = options.sshSigningKeyFile().isPresent() || options.sshSigningReusePrivateKey()
                || options.sshSigningPassphrase().isPresent();
        if (!ssh) {
            return commits(options);
        }
        if (options.gpgKeyRingFile().isPresent() || options.gpgKeyRing().isPresent() || options.gpgKeyId().isPresent()
                || options.gpgPassphrase().isPresent()) {
            throw new UsageException("--gpg-* and --ssh-signing-* are mutually exclusive: sign with one key");
        }
        if (options.sshSigningKeyFile().isPresent() && options.sshSigningReusePrivateKey()) {
            throw new UsageException("--ssh-signing-key-file and --ssh-signing-reuse-private-key are mutually exclusive:"
                    + " give one signing key");
        }
        SshKeyPair key;
        if (options.sshSigningReusePrivateKey()) {
            Path keyFile = credentials.privateKeyFile().orElseThrow(() -> new UsageException(
                    "--ssh-signing-reuse-private-key requires --private-key-file: give the key to sign with"));
            key = signingKey(keyFile, credentials.password().map(Secret::reveal).orElse(""), "--private-key-file");
        } else {
            Path keyFile = options.sshSigningKeyFile().orElseThrow(() -> new UsageException(
                    "--ssh-signing-password requires --ssh-signing-key-file: give the key it unlocks"));
            key = signingKey(keyFile, options.sshSigningPassphrase().map(Secret::reveal).orElse(""),
                    "--ssh-signing-key-file");
        }
        return new CommitSettings(options.authorName(), options.authorEmail(), options.messageAppendix(),
                new SshCommitSigner(key));
    }

    /** The signing key; its failures name the flag that gave it and the one that unlocks it. */
    private static SshKeyPair signingKey(Path file, String passphrase, String flag) {
        String passphraseFlag = flag.equals("--private-key-file") ? "--password" : "--ssh-signing-password";
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            throw new UsageException("invalid SSH signing key " + file + " (" + flag + "): cannot read it: "
                    + dev.fluxboot.ui.Failures.reason(e));
        }
        try {
            return SshKeyPair.parse(pem, passphrase, "SSH signing key " + file);
        } catch (UsageException e) {
            String reason = e.getMessage();
            if (reason.contains("is encrypted")) {
                throw new UsageException("invalid SSH signing key " + file + " (" + flag + "): passphrase required:"
                        + " pass " + passphraseFlag);
            }
            if (reason.contains("wrong passphrase")) {
                throw new UsageException("invalid SSH signing key " + file + " (" + flag + "): wrong passphrase ("
                        + passphraseFlag + ")");
            }
            throw new UsageException("invalid SSH signing key " + file + " (" + flag + "): " + reason);
        }
    }

    /** Author, appendix and the OpenPGP signer; a key ring that cannot be read or unlocked is refused here. */
    private static CommitSettings commits(CommitOptions options) {
        CommitSigner signer = null;
        String passphrase = options.gpgPassphrase().map(Secret::reveal).orElse(null);
        String keyId = options.gpgKeyId().orElse(null);
        if (options.gpgKeyRingFile().isPresent()) {
            signer = OpenPgpSigner.fromKeyRingFile(options.gpgKeyRingFile().get(), passphrase, keyId);
        } else if (options.gpgKeyRing().isPresent()) {
            signer = OpenPgpSigner.fromKeyRing(options.gpgKeyRing().get().reveal().getBytes(StandardCharsets.UTF_8),
                    passphrase, keyId);
        } else if (keyId != null || passphrase != null) {
            throw new UsageException("--gpg-key-id and --gpg-passphrase need --gpg-key-ring: give the key ring to sign with");
        }
        return new CommitSettings(options.authorName(), options.authorEmail(), options.messageAppendix(), signer);
    }

    private static Forge forge(ForgeType type) {
        return switch (type) {
            case GITHUB -> Forge.GITHUB;
            case GITLAB -> Forge.GITLAB;
            case GITEA -> Forge.GITEA;
            case BITBUCKET_SERVER -> Forge.BITBUCKET_SERVER;
        };
    }

    /** The usage errors of a forge repository that need no request. */
    private static void checkForge(ForgeRepository repository, ForgeType forge) {
        if (repository.owner().isEmpty()) {
            throw new UsageException("--owner is required: give the " + forge.label() + " "
                    + (repository.personal() ? "user" : "user or organization") + " of the repository, e.g. --owner=my-org");
        }
        if (repository.name().isEmpty()) {
            throw new UsageException("--repository is required: give the name of the " + forge.label()
                    + " repository, e.g. --repository=fleet-infra");
        }
        if (forge == ForgeType.BITBUCKET_SERVER && repository.hostname().isBlank()) {
            throw new UsageException("invalid hostname \"\": pass --hostname, the host of your Bitbucket Server, "
                    + "e.g. --hostname=bitbucket.example.com");
        }
        if (forge == ForgeType.GITLAB && !GITLAB_VISIBILITIES.contains(repository.visibility().toLowerCase(Locale.ROOT))) {
            throw new UsageException("unsupported visibility '" + repository.visibility()
                    + "' (--visibility): use private, internal or public");
        }
        apiUrl(repository.apiUrl());
    }

    /** As Flux: Bitbucket Server's owner for personal repositories, else its {@code -u}; {@code git} elsewhere. */
    private static String gitUsername(ForgeRepository repository) {
        if (repository.forge() != ForgeType.BITBUCKET_SERVER) {
            return "git";
        }
        return repository.personal() ? repository.owner() : repository.username();
    }

    private static String visibility(ForgeRepository repository) {
        return repository.visibility().toLowerCase(Locale.ROOT);
    }

    private ForgeConnection forgeConnection(ForgeRepository repository, Duration timeout, Optional<String> sshHostname) {
        return new ForgeConnection(repository.token().reveal(), repository.hostname(), apiUrl(repository.apiUrl()),
                repository.caFile(), environment, timeout, sshHostname, reporter);
    }

    /** {@code --api-url}, checked: an absolute https URL without credentials in it. */
    static Optional<URI> apiUrl(Optional<String> apiUrl) {
        if (apiUrl.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(apiUrl.get());
        } catch (URISyntaxException e) {
            throw new UsageException("--api-url " + apiUrl.get() + " is not a URL: give the full API base URL, "
                    + "e.g. --api-url=https://git.example.com/api/v3");
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https") || uri.getHost() == null) {
            throw new UsageException("--api-url " + uri + " is not an https URL: give the full API base URL, "
                    + "e.g. --api-url=https://git.example.com/api/v3");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UsageException("--api-url must not carry credentials: the token comes from the environment");
        }
        return Optional.of(uri);
    }

    /**
     * Flux's {@code mapTeamSlice}: each {@code name[:permission]} with the forge's default permission
     * when none is given; a later entry for a team wins.
     */
    static List<TeamAccess> teams(ForgeRepository repository) {
        Map<String, String> byName = new LinkedHashMap<>();
        String defaultPermission = repository.forge().defaultTeamPermission();
        for (String value : nonEmpty(repository.teams())) {
            String[] parts = value.split(":", -1);
            if (parts.length == 2) {
                byName.put(parts[0].strip(), parts[1].strip());
            } else {
                byName.put(value, defaultPermission);
            }
        }
        List<TeamAccess> teams = new ArrayList<>();
        byName.forEach((name, permission) -> {
            if (name.isEmpty()) {
                throw new UsageException("team name missing in \"" + name + ":" + permission + "\": use name[:permission]");
            }
            teams.add(new TeamAccess(name, permission.isEmpty() ? defaultPermission : permission));
        });
        return teams;
    }

    static List<String> nonEmpty(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
