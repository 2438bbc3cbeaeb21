package dev.fluxboot.cli;

import dev.fluxboot.api.Components;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The values the completion scripts offer for flags that take one of a few words
 * ({@code @Option(completionCandidates = ...)}); each list is the one the engine accepts.
 */
final class CompletionValues {

    private CompletionValues() {
    }

    /** {@code --components}, {@code --components-extra}: every component a release may have. */
    static final class AllComponents implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> all = new ArrayList<>(Components.DEFAULT_COMPONENTS);
            all.addAll(Components.EXTRA_COMPONENTS);
            return all.iterator();
        }
    }

    /** {@code --components-extra} of install and bootstrap. */
    static final class ExtraComponents implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Components.EXTRA_COMPONENTS.iterator();
        }
    }

    static final class LogLevels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("debug", "info", "error").iterator();
        }
    }

    static final class SshKeyAlgorithms implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("rsa", "ecdsa", "ed25519").iterator();
        }
    }

    static final class EcdsaCurves implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("p256", "p384", "p521").iterator();
        }
    }

    static final class GitLabVisibilities implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("private", "internal", "public").iterator();
        }
    }

    static final class OutputFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("yaml", "json").iterator();
        }
    }
}
