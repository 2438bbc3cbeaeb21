package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.FluxInstallation;
import dev.fluxboot.cluster.ResourceType;
import dev.fluxboot.ui.GoDuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.INSTALL;
import static dev.fluxboot.bootstrap.Products.SYNC_SURVEY;

/**
 * Reads, without changing anything, how Flux in the request's namespace follows its repository:
 * the GitRepository and Kustomization named after the namespace, their settings and readiness.
 */
final class InspectSync implements Step {

    @Override
    public String name() {
        return "inspect sync";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(INSTALL, CLUSTER);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(SYNC_SURVEY);
    }

    @Override
    public void run(Run run) {
        String namespace = run.get(INSTALL).namespace();
        Cluster cluster = run.get(CLUSTER);
        FluxInstallation installation = cluster.inspectFlux();
        List<String> problems = new ArrayList<>();
        Optional<Map<String, Object>> source = object(cluster, FluxObjects.GIT_REPOSITORY, namespace, problems);
        Optional<Map<String, Object>> kustomization = object(cluster, FluxObjects.KUSTOMIZATION, namespace, problems);
        Optional<SyncSurvey.Sync> sync = source.isPresent() && kustomization.isPresent()
                ? Optional.of(sync(source.get(), kustomization.get(), namespace)) : Optional.empty();
        run.put(SYNC_SURVEY, new SyncSurvey(installation.installed(), installation.version(), sync, problems));
    }

    private static Optional<Map<String, Object>> object(Cluster cluster, ResourceType type, String namespace,
                                                        List<String> problems) {
        Optional<Map<String, Object>> object = cluster.get(type, namespace, namespace);
        String subject = type.kind() + " \"" + namespace + "/" + namespace + "\"";
        if (object.isEmpty()) {
            problems.add(subject + " is missing");
            return object;
        }
        Optional<Map<String, Object>> ready = ObjectFields.condition(object.get(), "Ready");
        if (ready.isEmpty() || !"True".equals(ready.get().get("status"))) {
            String message = ready.map(condition -> String.valueOf(condition.getOrDefault("message", ""))).orElse("");
            problems.add(subject + " is not ready" + (message.isBlank() ? "" : ": " + message));
        }
        return object;
    }

    private static SyncSurvey.Sync sync(Map<String, Object> source, Map<String, Object> kustomization,
                                        String namespace) {
        String path = ObjectFields.text(kustomization, "spec", "path").orElse("./");
        return new SyncSurvey.Sync(
                ObjectFields.text(source, "spec", "url").orElse(""),
                ObjectFields.text(source, "spec", "ref", "branch").orElse("main"),
                SyncTarget.cleanPath(path),
                ObjectFields.text(source, "spec", "interval").flatMap(GoDuration::parse).orElse(Duration.ofMinutes(1)),
                ObjectFields.text(source, "spec", "secretRef", "name").orElse(namespace),
                ObjectFields.isTrue(source, "spec", "recurseSubmodules"));
    }
}
