package dev.fluxboot.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Who commits, with what message appendix, and signed with which OpenPGP or SSH key (none by default). */
public final class CommitOptions {

    private final String authorName;
    private final String authorEmail;
    private final String messageAppendix;
    private final Optional<Path> gpgKeyRingFile;
    private final Optional<Secret> gpgKeyRing;
    private final Optional<Secret> gpgPassphrase;
    private final Optional<String> gpgKeyId;
    private final Optional<Path> sshSigningKeyFile;
    private final Optional<Secret> sshSigningPassphrase;
    private final boolean sshSigningReusePrivateKey;

    private CommitOptions(Builder builder) {
        this.authorName = builder.authorName;
        this.authorEmail = builder.authorEmail;
        this.messageAppendix = builder.messageAppendix;
        this.gpgKeyRingFile = builder.gpgKeyRingFile;
        this.gpgKeyRing = builder.gpgKeyRing;
        this.gpgPassphrase = builder.gpgPassphrase;
        this.gpgKeyId = builder.gpgKeyId;
        this.sshSigningKeyFile = builder.sshSigningKeyFile;
        this.sshSigningPassphrase = builder.sshSigningPassphrase;
        this.sshSigningReusePrivateKey = builder.sshSigningReusePrivateKey;
    }

    /** Author {@code Flux}, no e-mail, no appendix, unsigned. */
    public static CommitOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String authorName() {
        return authorName;
    }

    public String authorEmail() {
        return authorEmail;
    }

    /** {@code --commit-message-appendix}, e.g. {@code [ci skip]}. */
    public String messageAppendix() {
        return messageAppendix;
    }

    /** {@code --gpg-key-ring}. */
    public Optional<Path> gpgKeyRingFile() {
        return gpgKeyRingFile;
    }

    /** The key ring as (armored) text, as Terraform gives it. */
    public Optional<Secret> gpgKeyRing() {
        return gpgKeyRing;
    }

    public Optional<Secret> gpgPassphrase() {
        return gpgPassphrase;
    }

    public Optional<String> gpgKeyId() {
        return gpgKeyId;
    }

    /** {@code --ssh-signing-key-file}: sign commits with this SSH private key (as git's {@code gpg.format=ssh}). */
    public Optional<Path> sshSigningKeyFile() {
        return sshSigningKeyFile;
    }

    /** {@code --ssh-signing-password}: the passphrase of the SSH signing key. */
    public Optional<Secret> sshSigningPassphrase() {
        return sshSigningPassphrase;
    }

    /** {@code --ssh-signing-reuse-private-key}: sign with the key of {@code --private-key-file}. */
    public boolean sshSigningReusePrivateKey() {
        return sshSigningReusePrivateKey;
    }

    @Override
    public String toString() {
        return "CommitOptions[author=" + authorName + ", signed="
                + (gpgKeyRingFile.isPresent() || gpgKeyRing.isPresent() || sshSigningKeyFile.isPresent()
                || sshSigningReusePrivateKey) + "]";
    }

    public static final class Builder {
        private String authorName = "Flux";
        private String authorEmail = "";
        private String messageAppendix = "";
        private Optional<Path> gpgKeyRingFile = Optional.empty();
        private Optional<Secret> gpgKeyRing = Optional.empty();
        private Optional<Secret> gpgPassphrase = Optional.empty();
        private Optional<String> gpgKeyId = Optional.empty();
        private Optional<Path> sshSigningKeyFile = Optional.empty();
        private Optional<Secret> sshSigningPassphrase = Optional.empty();
        private boolean sshSigningReusePrivateKey;

        private Builder() {
        }

        public Builder authorName(String value) {
            authorName = Objects.requireNonNull(value, "authorName");
            return this;
        }

        public Builder authorEmail(String value) {
            authorEmail = value == null ? "" : value;
            return this;
        }

        public Builder messageAppendix(String value) {
            messageAppendix = value == null ? "" : value;
            return this;
        }

        public Builder gpgKeyRingFile(Path value) {
            gpgKeyRingFile = Optional.ofNullable(value);
            return this;
        }

        public Builder gpgKeyRing(Secret armored) {
            gpgKeyRing = Optional.ofNullable(armored).filter(secret -> !secret.isEmpty());
            return this;
        }

        public Builder gpgPassphrase(Secret value) {
            gpgPassphrase = Optional.ofNullable(value).filter(secret -> !secret.isEmpty());
            return this;
        }

        public Builder gpgKeyId(String value) {
            gpgKeyId = Optional.ofNullable(value).map(String::strip).filter(id -> !id.isEmpty());
            return this;
        }

        public Builder sshSigningKeyFile(Path value) {
            sshSigningKeyFile = Optional.ofNullable(value);
            return this;
        }

        public Builder sshSigningPassphrase(Secret value) {
            sshSigningPassphrase = Optional.ofNullable(value).filter(secret -> !secret.isEmpty());
            return this;
        }

        public Builder sshSigningReusePrivateKey(boolean value) {
            sshSigningReusePrivateKey = value;
            return this;
        }

        public CommitOptions build() {
            return new CommitOptions(this);
        }
    }
}
