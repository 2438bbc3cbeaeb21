package dev.fluxboot.testing.flux;

import dev.fluxboot.testing.flux.FluxControllerSimulator.Kind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * kustomize-controller for the Kustomizations of one namespace: once the source GitRepository
 * has an artifact the simulator stored, checks that {@code spec.path} exists in it and reports
 * the revision applied (nothing is applied: the bootstrap applies the manifests itself), with
 * the conditions and messages of kustomize-controller v1. Evaluated on every pass; the status is
 * written only when it changes.
 */
final class KustomizeController {

    /** kustomize-controller's default {@code --requeue-dependency} interval, quoted in its messages. */
    static final String DEPENDENCY_REQUEUE = "5s";

    private final KubernetesClient client;
    private final String namespace;
    private final Ledger ledger;
    private final ArtifactStore artifacts;
    private final Clock clock;

    KustomizeController(KubernetesClient client, String namespace, Ledger ledger, ArtifactStore artifacts, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.ledger = ledger;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    /** @param onlyName reconcile only this one, or all when {@code null} */
    void reconcile(String onlyName) {
        for (GenericKubernetesResource kustomization : FluxResources.list(client, FluxResources.KUSTOMIZATIONS, namespace)) {
            String name = kustomization.getMetadata().getName();
            if (onlyName == null || onlyName.equals(name)) {
                reconcileOne(kustomization);
            }
        }
    }

    private void reconcileOne(GenericKubernetesResource kustomization) {
        String name = kustomization.getMetadata().getName();
        Map<String, Object> spec = FluxResources.spec(kustomization);
        if (Nested.isTrue(spec, "suspend")) {
            return;
        }
        Optional<Fault> fault = ledger.fault(Kind.KUSTOMIZATION, name);
        if (fault.isPresent() && fault.get().type() == Fault.Type.NEVER_READY) {
            return;
        }
        long generation = FluxResources.generation(kustomization);
        Map<String, Object> status = Nested.copy(FluxResources.status(kustomization));
        FluxResources.requestedAt(kustomization).ifPresent(at -> status.put("lastHandledReconcileAt", at));
        if (fault.isPresent()) {
            // As kustomize-controller after a failed build or health check: the revision was attempted.
            sourceRevision(spec).ifPresent(attempted -> status.put("lastAttemptedRevision", attempted));
            notReady(status, generation, fault.get().reason(), fault.get().message());
            write(kustomization, status);
            return;
        }
        String sourceKind = Nested.string(spec, "sourceRef", "kind").orElse("");
        String sourceName = Nested.string(spec, "sourceRef", "name").orElse("");
        String sourceNamespace = Nested.string(spec, "sourceRef", "namespace").orElse(namespace);
        Optional<String> problem = Optional.empty();
        Optional<String> revision = Optional.empty();
        Optional<SortedMap<String, byte[]>> files = Optional.empty();
        if (!"GitRepository".equals(sourceKind)) {
            problem = Optional.of("the Flux controller simulator supports GitRepository sources only, not '" + sourceKind + "'");
        } else {
            Optional<GenericKubernetesResource> source = FluxResources.get(client, FluxResources.GIT_REPOSITORIES,
                    sourceNamespace, sourceName);
            revision = source.flatMap(s -> Nested.string(FluxResources.status(s), "artifact", "revision"));
            files = revision.flatMap(r -> artifacts.get(sourceNamespace, sourceName, r));
            String path = normalize(Nested.string(spec, "path").orElse(""));
            if (source.isEmpty()) {
                problem = Optional.of("gitrepositories.source.toolkit.fluxcd.io \"" + sourceName + "\" not found");
            } else if (revision.isEmpty()) {
                problem = Optional.of("Source artifact not found, retrying in " + DEPENDENCY_REQUEUE);
            } else if (files.isEmpty()) {
                problem = Optional.of("Source is not ready, artifact not found, retrying in " + DEPENDENCY_REQUEUE);
            } else if (!exists(files.get(), path)) {
                problem = Optional.of("kustomization path not found: stat " + workDir(sourceNamespace, name)
                        + (path.isEmpty() ? "" : "/" + path) + ": no such file or directory");
            }
        }
        if (problem.isPresent()) {
            if (files.isPresent()) {
                status.put("lastAttemptedRevision", revision.get()); // the path was looked for in this revision
            }
            notReady(status, generation, "ArtifactFailed", problem.get());
        } else {
            status.put("observedGeneration", generation);
            status.put("lastAttemptedRevision", revision.get());
            status.put("lastAppliedRevision", revision.get());
            status.put("conditions", FluxConditions.apply(status.get("conditions"), generation, clock.instant(),
                    List.of(Condition.isTrue("Ready", "ReconciliationSucceeded", "Applied revision: " + revision.get())),
                    List.of("Reconciling", "Stalled")));
        }
        write(kustomization, status);
        if (problem.isEmpty()) {
            ledger.reconciledRevision(Kind.KUSTOMIZATION, name, revision.get());
        }
    }

    /** The artifact revision of the Kustomization's GitRepository, if it has one. */
    private Optional<String> sourceRevision(Map<String, Object> spec) {
        String sourceName = Nested.string(spec, "sourceRef", "name").orElse("");
        String sourceNamespace = Nested.string(spec, "sourceRef", "namespace").orElse(namespace);
        return FluxResources.get(client, FluxResources.GIT_REPOSITORIES, sourceNamespace, sourceName)
                .flatMap(s -> Nested.string(FluxResources.status(s), "artifact", "revision"));
    }

    /** As kustomize-controller: Ready=False; observedGeneration stays as it was. */
    private void notReady(Map<String, Object> status, long generation, String reason, String message) {
        status.put("conditions", FluxConditions.apply(status.get("conditions"), generation, clock.instant(),
                List.of(Condition.isFalse("Ready", reason, message)), List.of()));
    }

    /** {@code spec.path} inside the artifact, as securejoin resolves it: never above the root. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private static boolean exists(SortedMap<String, byte[]> files, String path) {
        return path.isEmpty() || files.containsKey(path)
                || files.keySet().stream().anyMatch(file -> file.startsWith(path + "/"));
    }

    /** A stable stand-in for kustomize-controller's temporary directory, so the message does not change between passes. */
    private static String workDir(String namespace, String name) {
        return "/tmp/kustomization-" + Integer.toUnsignedString((namespace + "/" + name).hashCode());
    }

    private void write(GenericKubernetesResource kustomization, Map<String, Object> status) {
        if (FluxResources.writeStatus(client, FluxResources.KUSTOMIZATIONS, kustomization, status)) {
            ledger.statusWritten(Kind.KUSTOMIZATION, kustomization.getMetadata().getName());
        }
    }
}
