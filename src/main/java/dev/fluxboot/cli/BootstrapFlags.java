package dev.fluxboot.cli;

import dev.fluxboot.UsageException;
import dev.fluxboot.api.BootstrapSpec;
import dev.fluxboot.api.CommitOptions;
import dev.fluxboot.api.GitCredentials;
import dev.fluxboot.api.Secret;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags every {@code bootstrap} command shares (the Flux CLI's persistent bootstrap flags and
 * {@code --path}/{@code --interval}), as a picocli mixin; the engine reads and checks the files
 * they name (key, CA, key ring) before anything runs.
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

    @Option(names = "--sparse-checkout", paramLabel = "FOLDERS", split = ",",
            description = "list of directories to be included in the GitRepository sparse checkout, the configured "
                    + "--path must be one of them, accepts comma-separated values")
    private List<String> sparseCheckout = new ArrayList<>();

    @Option(names = "--secret-name", paramLabel = "NAME", defaultValue = "flux-system",
            description = "name of the secret the sync credentials can be found in or stored to (default: ${DEFAULT-VALUE})")
    private String secretName;

    @Option(names = "--token-auth", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "when enabled, the personal access token will be used instead of the SSH deploy key")
    private boolean tokenAuth;

    @Option(names = "--ssh-key-algorithm", paramLabel = "ALGORITHM", defaultValue = "ecdsa",
            completionCandidates = CompletionValues.SshKeyAlgorithms.class,
            description = "SSH public key algorithm (rsa, ecdsa, ed25519) (default: ${DEFAULT-VALUE})")
    private String keyAlgorithm;

    @Option(names = "--ssh-rsa-bits", paramLabel = "BITS", defaultValue = "2048",
            description = "SSH RSA public key bit size (multiplies of 8, min 1024) (default: ${DEFAULT-VALUE})")
    private int rsaBits;

    @Option(names = "--ssh-ecdsa-curve", paramLabel = "CURVE", defaultValue = "p384",
            completionCandidates = CompletionValues.EcdsaCurves.class,
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

    @Option(names = "--ssh-signing-key-file", paramLabel = "PATH",
            description = "path to an SSH private key for signing commits (as git's gpg.format=ssh)")
    private Path sshSigningKeyFile;

    @Option(names = "--ssh-signing-password", paramLabel = "PASSWORD",
            description = "passphrase of the SSH signing key")
    private String sshSigningPassword;

    @Option(names = "--ssh-signing-passphrase", paramLabel = "PASSWORD", hidden = true,
            description = "alias of --ssh-signing-password")
    private String sshSigningPassphrase;

    @Option(names = "--ssh-signing-reuse-private-key", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "sign commits with the key of --private-key-file")
    private boolean sshSigningReusePrivateKey;

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

    /** {@code --ca-file}, for the forge commands' API calls too. */
    public Path caFile() {
        return caFile;
    }

    /** The credential flags, for {@code username} (the HTTP user / SSH user of the sync URL). */
    public GitCredentials.Builder credentials(String username) {
        return GitCredentials.builder()
                .username(username)
                .tokenAuth(tokenAuth)
                .privateKeyFile(privateKeyFile)
                .keyAlgorithm(keyAlgorithm)
                .rsaBits(rsaBits)
                .ecdsaCurve(ecdsaCurve)
                .sshHostname(sshHostname)
                .hostKeyAlgorithms(hostKeyAlgorithms)
                .caFile(caFile);
    }

    /** Author, appendix and signing key. */
    public CommitOptions commits() {
        return CommitOptions.builder()
                .authorName(authorName)
                .authorEmail(authorEmail)
                .messageAppendix(commitMessageAppendix)
                .gpgKeyRingFile(gpgKeyRing)
                .gpgPassphrase(gpgPassphrase == null ? null : Secret.of(gpgPassphrase))
                .gpgKeyId(gpgKeyId)
                .sshSigningKeyFile(sshSigningKeyFile)
                .sshSigningPassphrase(sshSigningPassphrase())
                .sshSigningReusePrivateKey(sshSigningReusePrivateKey)
                .build();
    }

    /** {@code --ssh-signing-password} or its alias {@code --ssh-signing-passphrase}; both only with one value. */
    private Secret sshSigningPassphrase() {
        if (sshSigningPassword != null && sshSigningPassphrase != null && !sshSigningPassword.equals(sshSigningPassphrase)) {
            throw new UsageException("--ssh-signing-password and --ssh-signing-passphrase are aliases; do not pass both"
                    + " with different values");
        }
        String value = sshSigningPassword != null ? sshSigningPassword : sshSigningPassphrase;
        return value == null ? null : Secret.of(value);
    }

    /** A bootstrap spec of these flags, the install flags and the global ones; repository and credentials follow. */
    public BootstrapSpec.Builder spec(GlobalOptions globals, InstallFlags install) {
        return BootstrapSpec.builder()
                .install(install.install(globals, force))
                .branch(branch)
                .path(path)
                .interval(interval)
                .recurseSubmodules(recurseSubmodules)
                .sparseCheckout(sparseCheckout)
                .secretName(secretName)
                .kustomizeBinary(kustomizeBin)
                .commits(commits());
    }

    /** The GPG and SSH signing passphrases, for blanking out of error output. */
    public List<String> secrets() {
        return java.util.stream.Stream.of(gpgPassphrase, sshSigningPassword, sshSigningPassphrase)
                .filter(java.util.Objects::nonNull).filter(value -> !value.isEmpty()).toList();
    }
}
