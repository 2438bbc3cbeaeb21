package dev.fluxboot.cli;

import dev.fluxboot.UsageException;
import dev.fluxboot.bootstrap.CommitSettings;
import dev.fluxboot.bootstrap.SourceAuth;
import dev.fluxboot.bootstrap.SyncTarget;
import dev.fluxboot.git.CommitSigner;
import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.HostKeyScanner;
import dev.fluxboot.git.OpenPgpSigner;
import dev.fluxboot.git.SshKeyAlgorithm;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.git.TlsTrust;
import dev.fluxboot.manifests.kustomize.KustomizeBuild;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags every {@code bootstrap} command shares (the Flux CLI's persistent bootstrap flags and
 * {@code --path}/{@code --interval}), as a picocli mixin. Files named by flags (key, CA, key ring)
 * are read and checked here, so a bad one is a usage error before anything runs.
 */
public final class BootstrapFlags {

    @Option(names = "--branch", paramLabel = "NAME", defaultValue = "main", description = "Git branch (default: ${DEFAULT-VALUE})")
    private String branch;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = "",
            description = "path relative to the repository root, when specified the cluster sync will be scoped to this path")
    private String path;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1m", converter = GoDurationConverter.class,
            description = "sync interval (default: 1m0s)")
    private Duration interval;

    @Option(names = "--recurse-submodules", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "when enabled, configures the GitRepository source to initialize and include Git submodules "
                    + "in the artifact it produces")
    private boolean recurseSubmodules;

    @Option(names = "--secret-name", paramLabel = "NAME", defaultValue = "flux-system",
            description = "name of the secret the sync credentials can be found in or stored to (default: ${DEFAULT-VALUE})")
    private String secretName;

    @Option(names = "--token-auth", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "when enabled, the personal access token will be used instead of the SSH deploy key")
    private boolean tokenAuth;

    @Option(names = "--ssh-key-algorithm", paramLabel = "ALGORITHM", defaultValue = "ecdsa",
            description = "SSH public key algorithm (rsa, ecdsa, ed25519) (default: ${DEFAULT-VALUE})")
    private String keyAlgorithm;

    @Option(names = "--ssh-rsa-bits", paramLabel = "BITS", defaultValue = "2048",
            description = "SSH RSA public key bit size (multiplies of 8, min 1024) (default: ${DEFAULT-VALUE})")
    private int rsaBits;

    @Option(names = "--ssh-ecdsa-curve", paramLabel = "CURVE", defaultValue = "p384",
            description = "SSH ECDSA public key curve (p256, p384, p521) (default: ${DEFAULT-VALUE})")
    private String ecdsaCurve;

    @Option(names = "--ssh-hostname", paramLabel = "HOST[:PORT]",
            description = "SSH hostname, to be used when the SSH host differs from the HTTPS one")
    private String sshHostname;

    @Option(names = "--ssh-hostkey-algos", paramLabel = "LIST", split = ",",
            description = "list of host key algorithms to be used by the CLI for SSH connections")
    private List<String> hostKeyAlgorithms = new ArrayList<>();

    @Option(names = "--ca-file", paramLabel = "PATH", description = "path to TLS CA file used for validating self-signed certificates")
    private Path caFile;

    @Option(names = "--private-key-file", paramLabel = "PATH",
            description = "path to a private key file used for authenticating to the Git SSH server")
    private Path privateKeyFile;

    @Option(names = "--author-name", paramLabel = "NAME", defaultValue = "Flux",
            description = "author name for Git commits (default: ${DEFAULT-VALUE})")
    private String authorName;

    @Option(names = "--author-email", paramLabel = "EMAIL", defaultValue = "", description = "author email for Git commits")
    private String authorEmail;

    @Option(names = "--gpg-key-ring", paramLabel = "PATH", description = "path to GPG key ring for signing commits")
    private Path gpgKeyRing;

    @Option(names = "--gpg-passphrase", paramLabel = "PASSPHRASE", description = "passphrase for decrypting GPG private key")
    private String gpgPassphrase;

    @Option(names = "--gpg-key-id", paramLabel = "ID", description = "key id for selecting a particular key")
    private String gpgKeyId;

    @Option(names = "--commit-message-appendix", paramLabel = "TEXT", defaultValue = "",
            description = "string to add to the commit messages, e.g. '[ci skip]'")
    private String commitMessageAppendix;

    @Option(names = "--force", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "override existing Flux installation if it's managed by a different tool such as Helm")
    private boolean force;

    @Option(names = "--kustomize-bin", paramLabel = "PATH",
            description = "kustomize or kubectl program that builds the Flux folder's kustomization.yaml when it uses "
                    + "fields fluxboot does not build itself (default: kustomize, else kubectl, on PATH)")
    private Path kustomizeBin;

    @Mixin
    private DryRunFlags dryRun;

    /**
     * How the Flux folder's kustomization.yaml is built: fluxboot's engine, and {@code --kustomize-bin}
     * or the kustomize or kubectl on {@code PATH} for what it does not build.
     */
    public KustomizeBuild kustomize(Map<String, String> env) {
        if (kustomizeBin != null && !(Files.isRegularFile(kustomizeBin) && Files.isExecutable(kustomizeBin))) {
            throw new UsageException("--kustomize-bin " + kustomizeBin + " is not an executable file;"
                    + " give the path of kustomize or kubectl");
        }
        return KustomizeBuild.forEnvironment(Optional.ofNullable(kustomizeBin), env);
    }

    /** {@code --dry-run} and {@code --exit-code}, shared by every bootstrap command. */
    public DryRunFlags dryRun() {
        return dryRun;
    }

    public boolean force() {
        return force;
    }

    public boolean tokenAuth() {
        return tokenAuth;
    }

    /** {@code --ca-file}, for the forge commands' API calls. */
    public Optional<Path> caFile() {
        return Optional.ofNullable(caFile);
    }

    /** Whether {@code --private-key-file} was given. */
    public boolean privateKeyFileGiven() {
        return privateKeyFile != null;
    }

    /** Repository, branch, path, interval and secret name for the repository at {@code url}. */
    public SyncTarget target(String url) {
        if (branch == null || branch.isBlank()) {
            throw new UsageException("--branch must not be empty");
        }
        if (secretName == null || secretName.length() > 253 || !secretName.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            throw new UsageException("--secret-name \"" + secretName + "\" is not a valid Secret name: use lowercase "
                    + "letters, digits, '-' and '.'");
        }
        return new SyncTarget(url, branch.strip(), SyncTarget.cleanPath(path), interval, recurseSubmodules, secretName);
    }

    /**
     * The credentials flags, with the key file and CA file read and checked.
     *
     * @param bearerToken       {@code --with-bearer-token}
     * @param username          the HTTP user / SSH user of the sync URL
     * @param password          the password, token or key passphrase; {@code ""} for none
     * @param allowInsecureHttp {@code --allow-insecure-http}
     */
    public SourceAuth auth(boolean bearerToken, String username, String password, boolean allowInsecureHttp) {
        SshKeyAlgorithm algorithm = SshKeyAlgorithm.parse(keyAlgorithm);
        EcdsaCurve curve = EcdsaCurve.parse(ecdsaCurve);
        SshKeyGenerator.checkRsaBits(rsaBits);
        Optional<SshKeyPair> key = Optional.ofNullable(privateKeyFile).map(file -> SshKeyPair.read(file, password));
        Optional<String> ca = Optional.ofNullable(caFile).map(TlsTrust::readCaFile);
        List<String> algorithms = InstallFlags.nonEmpty(hostKeyAlgorithms);
        HostKeyScanner.checkAlgorithms(algorithms);
        return new SourceAuth(tokenAuth, bearerToken, username, password, key, algorithm, rsaBits, curve,
                Optional.ofNullable(sshHostname).map(String::strip).filter(h -> !h.isEmpty()), algorithms, ca,
                allowInsecureHttp);
    }

    /** Author, appendix and signer; a key ring that cannot be read or unlocked is refused here. */
    public CommitSettings commits() {
        CommitSigner signer = null;
        if (gpgKeyRing != null) {
            signer = OpenPgpSigner.fromKeyRingFile(gpgKeyRing, gpgPassphrase, gpgKeyId);
        } else if (gpgKeyId != null && !gpgKeyId.isBlank() || gpgPassphrase != null && !gpgPassphrase.isEmpty()) {
            throw new UsageException("--gpg-key-id and --gpg-passphrase need --gpg-key-ring: give the key ring to sign with");
        }
        return new CommitSettings(authorName, authorEmail, commitMessageAppendix, signer);
    }

    /** The GPG passphrase, for blanking out of error output. */
    public List<String> secrets() {
        return gpgPassphrase == null ? List.of() : List.of(gpgPassphrase);
    }
}
