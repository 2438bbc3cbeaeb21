package dev.fluxboot.testing.flux;

import dev.fluxboot.ui.Reporter;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.git.FetchedTrees;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.testing.flux.FluxControllerSimulator.Kind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * source-controller for the GitRepositories of one namespace: fetches {@code spec.ref.branch}
 * of {@code spec.url} with the credentials of {@code spec.secretRef} through the product's git
 * layer, stores the tree as the artifact and writes status as source-controller v1 does.
 * A GitRepository is fetched again when its generation, its reconcile request annotation or its
 * Secret changed, and at least every {@code refetchInterval} (so a moved branch is seen).
 */
final class SourceController {

    private static final List<String> FAILURE_TYPES = List.of("FetchFailed", "Reconciling", "Stalled", "ArtifactOutdated");

    private final KubernetesClient client;
    private final String namespace;
    private final Ledger ledger;
    private final ArtifactStore artifacts;
    private final Clock clock;
    private final Duration refetchInterval;
    /** GitRepository name to what its last fetch saw; only the simulator's thread touches it. */
    private final Map<String, LastFetch> lastFetches = new HashMap<>();

    private record LastFetch(String trigger, long atNanos) {
    }

    /** What one fetch gave: a revision and its files, or a failure (reason + message). */
    private sealed interface Outcome {
    }

    private record Fetched(String branch, String commit, SortedMap<String, byte[]> files) implements Outcome {
        String revision() {
            return branch + "@sha1:" + commit;
        }
    }

    private record Failed(String reason, String message) implements Outcome {
    }

    SourceController(KubernetesClient client, String namespace, Ledger ledger, ArtifactStore artifacts,
                     Clock clock, Duration refetchInterval) {
        this.client = client;
        this.namespace = namespace;
        this.ledger = ledger;
        this.artifacts = artifacts;
        this.clock = clock;
        this.refetchInterval = refetchInterval;
    }

    /**
     * @param force     fetch every GitRepository now, whatever the last fetch saw
     * @param onlyName  reconcile only this one, or all when {@code null}
     */
    void reconcile(boolean force, String onlyName) {
        for (GenericKubernetesResource repository : FluxResources.list(client, FluxResources.GIT_REPOSITORIES, namespace)) {
            String name = repository.getMetadata().getName();
            if (onlyName == null || onlyName.equals(name)) {
                reconcileOne(repository, force);
            }
        }
    }

    private void reconcileOne(GenericKubernetesResource repository, boolean force) {
        String name = repository.getMetadata().getName();
        Map<String, Object> spec = FluxResources.spec(repository);
        if (Nested.isTrue(spec, "suspend")) {
            return; // Flux leaves a suspended object's status as it is
        }
        Optional<Fault> fault = ledger.fault(Kind.GIT_REPOSITORY, name);
        if (fault.isPresent()) {
            lastFetches.remove(name); // fetch at once when the fault is cleared
            if (fault.get().type() == Fault.Type.NOT_READY) {
                Map<String, Object> status = Nested.copy(FluxResources.status(repository));
                status.put("conditions", FluxConditions.apply(status.get("conditions"), FluxResources.generation(repository),
                        clock.instant(), List.of(Condition.isFalse("Ready", fault.get().reason(), fault.get().message())), List.of()));
                FluxResources.requestedAt(repository).ifPresent(at -> status.put("lastHandledReconcileAt", at));
                write(repository, status);
            }
            return;
        }
        Optional<String> secretName = Nested.string(spec, "secretRef", "name");
        Optional<Secret> secret = secretName.map(s -> client.secrets().inNamespace(namespace).withName(s).get());
        String trigger = FluxResources.generation(repository) + "|" + FluxResources.requestedAt(repository).orElse("")
                + "|" + secret.map(s -> s.getMetadata().getResourceVersion()).orElse("-");
        LastFetch last = lastFetches.get(name);
        long now = System.nanoTime();
        if (!force && last != null && last.trigger().equals(trigger) && now - last.atNanos() < refetchInterval.toNanos()) {
            return;
        }
        Outcome outcome = fetch(spec, secretName, secret);
        lastFetches.put(name, new LastFetch(trigger, System.nanoTime()));
        Map<String, Object> status = outcome instanceof Fetched fetched
                ? succeeded(repository, fetched) : failed(repository, (Failed) outcome);
        FluxResources.requestedAt(repository).ifPresent(at -> status.put("lastHandledReconcileAt", at));
        write(repository, status);
        if (outcome instanceof Fetched fetched) {
            ledger.reconciledRevision(Kind.GIT_REPOSITORY, name, fetched.revision());
        }
    }

    private Outcome fetch(Map<String, Object> spec, Optional<String> secretName, Optional<Secret> secret) {
        String url = Nested.string(spec, "url").orElse("");
        Optional<String> branch = Nested.string(spec, "ref", "branch");
        if (branch.isEmpty() && Nested.get(spec, "ref").filter(ref -> ref instanceof Map<?, ?> map && !map.isEmpty()).isPresent()) {
            return new Failed("GitOperationFailed", "the Flux controller simulator supports spec.ref.branch only, not "
                    + Nested.get(spec, "ref").get());
        }
        if (secretName.isPresent() && secret.isEmpty()) {
            return new Failed("AuthenticationFailed", "failed to get secret '" + namespace + "/" + secretName.get()
                    + "': secrets \"" + secretName.get() + "\" not found");
        }
        SourceAccess access;
        try {
            access = SourceAccess.of(url, secret, namespace + "/" + secretName.orElse(""));
        } catch (SourceAccess.InvalidSecretException e) {
            return new Failed("AuthenticationFailed", e.getMessage());
        }
        // source-controller's default when spec.ref is absent
        String branchName = branch.orElse("master");
        try (RemoteBranch fetched = RemoteBranch.fetch(GitRemote.of(url, access.auth(), access.options()), branchName,
                Reporter.silent())) {
            if (fetched.head().isEmpty()) {
                return new Failed("EmptyGitRepository", "git repository is empty");
            }
            return new Fetched(branchName, fetched.head().get(), FetchedTrees.files(fetched));
        } catch (FluxbootException e) {
            return new Failed("GitOperationFailed", "failed to checkout and determine revision: unable to clone '"
                    + url + "': " + e.getMessage());
        }
    }

    private Map<String, Object> succeeded(GenericKubernetesResource repository, Fetched fetched) {
        String name = repository.getMetadata().getName();
        artifacts.put(namespace, name, fetched.revision(), fetched.files());
        long generation = FluxResources.generation(repository);
        Map<String, Object> status = Nested.copy(FluxResources.status(repository));
        String stored = "stored artifact for revision '" + fetched.revision() + "'";
        status.put("observedGeneration", generation);
        status.put("artifact", artifact(name, fetched, status.get("artifact")));
        status.put("conditions", FluxConditions.apply(status.get("conditions"), generation, clock.instant(),
                List.of(Condition.isTrue("Ready", "Succeeded", stored),
                        Condition.isTrue("ArtifactInStorage", "Succeeded", stored)),
                FAILURE_TYPES));
        return status;
    }

    /** As Flux: the last artifact and observedGeneration stay; FetchFailed and Ready=False tell why. */
    private Map<String, Object> failed(GenericKubernetesResource repository, Failed failed) {
        Map<String, Object> status = Nested.copy(FluxResources.status(repository));
        status.put("conditions", FluxConditions.apply(status.get("conditions"), FluxResources.generation(repository),
                clock.instant(),
                List.of(Condition.isTrue("FetchFailed", failed.reason(), failed.message()),
                        Condition.isFalse("Ready", failed.reason(), failed.message())),
                List.of()));
        return status;
    }

    /**
     * source-controller's artifact fields. The digest and size are computed from the files (not
     * from a tarball, which the simulator does not build), so they change exactly when the tree does.
     */
    private Map<String, Object> artifact(String name, Fetched fetched, Object previous) {
        String path = "gitrepository/" + namespace + "/" + name + "/" + fetched.commit() + ".tar.gz";
        String digest = "sha256:" + digest(fetched.files());
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("digest", digest);
        boolean same = Nested.string(previous, "revision").equals(Optional.of(fetched.revision()))
                && Nested.string(previous, "digest").equals(Optional.of(digest));
        artifact.put("lastUpdateTime", same ? Nested.string(previous, "lastUpdateTime").orElseThrow()
                : FluxConditions.timestamp(clock.instant()));
        artifact.put("path", path);
        artifact.put("revision", fetched.revision());
        artifact.put("size", fetched.files().values().stream().mapToLong(bytes -> bytes.length).sum());
        artifact.put("url", "http://source-controller." + namespace + ".svc.cluster.local./" + path);
        return artifact;
    }

    private static String digest(SortedMap<String, byte[]> files) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            files.forEach((path, content) -> {
                sha256.update(path.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                sha256.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                sha256.update((byte) 0);
                sha256.update(content);
            });
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(GenericKubernetesResource repository, Map<String, Object> status) {
        if (FluxResources.writeStatus(client, FluxResources.GIT_REPOSITORIES, repository, status)) {
            ledger.statusWritten(Kind.GIT_REPOSITORY, repository.getMetadata().getName());
        }
    }
}
