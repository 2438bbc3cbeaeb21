package dev.fluxboot.git;

import dev.fluxboot.UsageException;

import java.util.Locale;

/** The {@code --ssh-key-algorithm} values of the Flux CLI. */
public enum SshKeyAlgorithm {
    RSA, ECDSA, ED25519;

    /** The flag value, e.g. {@code ecdsa}. */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a flag value, with the Flux CLI's wording for bad ones. */
    public static SshKeyAlgorithm parse(String value) {
        String supported = "rsa, ecdsa, ed25519";
        if (value == null || value.isBlank()) {
            throw new UsageException("no public key algorithm given, must be one of: " + supported + " (--ssh-key-algorithm)");
        }
        for (SshKeyAlgorithm algorithm : values()) {
            if (algorithm.flagValue().equals(value)) {
                return algorithm;
            }
        }
        throw new UsageException("unsupported public key algorithm '" + value + "', must be one of: " + supported
                + " (--ssh-key-algorithm)");
    }
}
