package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.ResourceType;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.manifests.yaml.GoYaml;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether Flux has already applied the branch's head through the Kustomization this run configures:
 * Ready, its status about the current spec, {@code lastAppliedRevision} the head (or a commit that
 * has it), and the live GitRepository and Kustomization specs holding every field of the
 * repository's {@code gotk-sync.yaml}, and the controllers' Deployments there. Then the cluster holds
 * what the repository says, and a
 * no-op re-run need not ask the API server to check or apply it again (kustomize-controller
 * corrects drift at its next interval, as it does after any apply). Anything else (the sync
 * objects patched, another path, a failed or older reconciliation) answers no, and the run applies.
 */
final class AppliedByFlux {

    private static final String[] LAST_APPLIED_REVISION = {"status", "lastAppliedRevision"};
    private static final ResourceType DEPLOYMENT = new ResourceType("apps", "v1", "Deployment", "deployments");

    private AppliedByFlux() {
    }

    /** Asked afresh each time: a push of this run moves the head past what Flux applied. */
    static boolean atHead(Run run) {
        BootstrapRequest request = run.get(Products.BOOTSTRAP);
        RemoteBranch branch = run.get(Products.BRANCH);
        Optional<String> head = branch.head();
        if (head.isEmpty()) {
            return false;
        }
        String namespace = request.namespace();
        Cluster cluster = run.get(Products.CLUSTER);
        Optional<Map<String, Object>> kustomization = cluster.get(FluxObjects.KUSTOMIZATION, namespace, namespace);
        if (!ReadinessWait.readyAt(kustomization, LAST_APPLIED_REVISION, new PushedRevision(branch, head.get()))) {
            return false;
        }
        Optional<String> sync = branch.readString(request.target().syncFile(namespace));
        if (sync.isEmpty()) {
            return false;
        }
        for (Object document : GoYaml.loadAll(sync.get())) {
            if (!(document instanceof Map<?, ?> desired) || !liveHolds(cluster, desired, kustomization.get())) {
                return false;
            }
        }
        // A controller deleted by hand is put back by this run, not left to the next interval.
        Set<String> deployments = cluster.list(DEPLOYMENT, namespace, Map.of()).stream()
                .map(deployment -> ObjectFields.text(deployment, "metadata", "name").orElse(""))
                .collect(Collectors.toSet());
        return deployments.containsAll(request.install().options().allComponents());
    }

    private static boolean liveHolds(Cluster cluster, Map<?, ?> desired, Map<String, Object> kustomization) {
        String kind = String.valueOf(desired.get("kind"));
        Optional<ResourceType> type = "Kustomization".equals(kind) ? Optional.of(FluxObjects.KUSTOMIZATION)
                : "GitRepository".equals(kind) ? Optional.of(FluxObjects.GIT_REPOSITORY) : Optional.empty();
        if (type.isEmpty() || !(desired.get("metadata") instanceof Map<?, ?> metadata)) {
            return false;
        }
        String namespace = String.valueOf(metadata.get("namespace"));
        String name = String.valueOf(metadata.get("name"));
        Optional<Map<String, Object>> live = type.get() == FluxObjects.KUSTOMIZATION
                && namespace.equals(ObjectFields.text(kustomization, "metadata", "namespace").orElse(""))
                && name.equals(ObjectFields.text(kustomization, "metadata", "name").orElse(""))
                ? Optional.of(kustomization) : cluster.get(type.get(), namespace, name);
        return live.isPresent() && holds(live.get().get("spec"), desired.get("spec"));
    }

    /** Whether {@code live} has every field of {@code desired} with the same value (defaults may add more). */
    static boolean holds(Object live, Object desired) {
        if (desired instanceof Map<?, ?> wanted) {
            if (!(live instanceof Map<?, ?> present)) {
                return false;
            }
            return wanted.entrySet().stream().allMatch(e -> holds(present.get(e.getKey()), e.getValue()));
        }
        if (desired instanceof List<?> wanted) {
            if (!(live instanceof List<?> present) || present.size() != wanted.size()) {
                return false;
            }
            for (int i = 0; i < wanted.size(); i++) {
                if (!holds(present.get(i), wanted.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (desired instanceof Number wanted && live instanceof Number present) {
            return wanted.toString().equals(present.toString());
        }
        return Objects.equals(desired, live);
    }
}
