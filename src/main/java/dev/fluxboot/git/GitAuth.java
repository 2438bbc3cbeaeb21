package dev.fluxboot.git;

import dev.fluxboot.ui.Redactor;

import java.util.List;
import java.util.Objects;

/**
 * How to authenticate to a Git remote. Every variant's {@code toString()} hides its secret, so
 * an auth object can be logged or put into a message by mistake without leaking.
 */
public sealed interface GitAuth {

    /** The secrets this auth carries: masked in every message the git layer produces. */
    List<String> secrets();

    /**
     * SSH public key authentication with strict host key checking.
     *
     * @param identity          the private key, kept in memory only
     * @param knownHosts        known_hosts text ({@code host key} lines); the server's key must be in it
     * @param hostKeyAlgorithms host key algorithms to offer (e.g. {@code rsa-sha2-512}); empty for the defaults
     * @param agentSocket       an SSH agent's socket ({@code SSH_AUTH_SOCK}) whose keys are offered before
     *                          {@code identity}; empty: no agent
     */
    record SshKey(SshKeyPair identity, String knownHosts, List<String> hostKeyAlgorithms,
                  java.util.Optional<java.nio.file.Path> agentSocket) implements GitAuth {
        public SshKey {
            Objects.requireNonNull(identity, "identity");
            knownHosts = knownHosts == null ? "" : knownHosts;
            hostKeyAlgorithms = hostKeyAlgorithms == null ? List.of() : List.copyOf(hostKeyAlgorithms);
            Objects.requireNonNull(agentSocket, "agentSocket");
        }

        public SshKey(SshKeyPair identity, String knownHosts, List<String> hostKeyAlgorithms) {
            this(identity, knownHosts, hostKeyAlgorithms, java.util.Optional.empty());
        }

        /** The same, with the keys of the agent at {@code socket} offered first. */
        public SshKey withAgent(java.nio.file.Path socket) {
            return new SshKey(identity, knownHosts, hostKeyAlgorithms, java.util.Optional.of(socket));
        }

        @Override
        public List<String> secrets() {
            return List.of(identity.privateKeyPem());
        }

        @Override
        public String toString() {
            return "SshKey[" + identity.publicKeyType() + " " + identity.fingerprint()
                    + agentSocket.map(socket -> ", agent").orElse("") + "]";
        }
    }

    /** HTTP basic auth: a user name and a password or access token. */
    record Basic(String username, String password) implements GitAuth {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public List<String> secrets() {
            return List.of(password);
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=" + Redactor.MASK + "]";
        }
    }

    /** HTTP {@code Authorization: Bearer <token>}. */
    record Bearer(String token) implements GitAuth {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public List<String> secrets() {
            return List.of(token);
        }

        @Override
        public String toString() {
            return "Bearer[" + Redactor.MASK + "]";
        }
    }

    /** No credentials (public repositories over http(s)). */
    record Anonymous() implements GitAuth {
        @Override
        public List<String> secrets() {
            return List.of();
        }
    }
}
