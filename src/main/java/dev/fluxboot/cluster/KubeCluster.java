package dev.fluxboot.cluster;

import dev.fluxboot.ui.Redactor;

import dev.fluxboot.ui.GoDuration;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.Reporter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import dev.fluxboot.net.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** {@link Cluster} over a fabric8 client; made by {@link KubeClusters#connect}. */
final class KubeCluster implements Cluster {

    static final String PART_OF_LABEL = "app.kubernetes.io/part-of";
    static final String VERSION_LABEL = "app.kubernetes.io/version";
    static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    static final String KUSTOMIZATION_NAME_LABEL = "kustomize.toolkit.fluxcd.io/name";
    static final String KUSTOMIZATION_NAMESPACE_LABEL = "kustomize.toolkit.fluxcd.io/namespace";
    /** Every Flux installation has source-controller's GitRepository CRD; the Flux CLI reads it too. */
    static final String GIT_REPOSITORY_CRD = "gitrepositories.source.toolkit.fluxcd.io";

    private static final Duration CRD_POLL = Duration.ofMillis(250);

    private final KubernetesClient client;
    private final KubeErrors errors;
    private final ServerSideApplier applier;
    private final StorageMigration storageMigration;
    private final Duration deploymentPoll;
    private final int parallelism;

    private final RequestDeadline deadline;
    /** What the waits for CRDs and Deployments measure their timeout by and pause with. */
    private final Clock clock;
    private final Sleeper sleeper;
    private volatile boolean apiServerChecked;

    KubeCluster(KubernetesClient client, Duration deploymentPoll, int parallelism) {
        this(client, deploymentPoll, parallelism, null);
    }

    /** @param timeout how long from now any request may still take ({@code --timeout}); {@code null}: no limit */
    KubeCluster(KubernetesClient client, Duration deploymentPoll, int parallelism, Duration timeout) {
        this(client, deploymentPoll, parallelism, timeout, Clock.systemUTC(), Sleeper.threadSleep());
    }

    KubeCluster(KubernetesClient client, Duration deploymentPoll, int parallelism, Duration timeout, Clock clock,
                Sleeper sleeper) {
        this.client = client;
        this.clock = clock;
        this.sleeper = sleeper;
        this.deadline = new RequestDeadline(timeout, client.getConfiguration().getMasterUrl());
        this.errors = new KubeErrors(client.getConfiguration().getMasterUrl());
        this.applier = new ServerSideApplier(client, errors);
        this.storageMigration = new StorageMigration(client, errors, applier);
        this.deploymentPoll = deploymentPoll;
        this.parallelism = parallelism;
    }

    @Override
    public List<ObjectChange> apply(List<Map<String, Object>> objects, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        List<Map<String, Object>> definitions = new ArrayList<>();
        List<Map<String, Object>> others = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            (ObjectRef.of(object).isClusterDefinition() ? definitions : others).add(object);
        }
        requireLiveNamespaces(objects);
        requireAcceptedDefinitions(definitions);
        // new CRDs that drop a stored version cannot be applied before their objects move
        storageMigration.migrateFor(definitions, Duration.between(clock.instant(), deadline), Reporter.silent());
        List<ServerSideApplier.Result> results = new ArrayList<>(applyInParallel(definitions));
        waitUntilEstablished(results, deadline, timeout);
        results.addAll(applyInParallel(others));
        return results.stream()
                .sorted((a, b) -> ApplyOrder.FLUX_ORDER.compare(a.ref(), b.ref()))
                .map(ServerSideApplier.Result::change)
                .toList();
    }

    /** The CRDs among {@code definitions} whose objects must move to a new storage version first. */
    private Set<String> migratingDefinitions(List<Map<String, Object>> definitions) {
        Set<String> names = new java.util.HashSet<>();
        storageMigration.planFor(definitions).forEach(migration -> names.add(migration.crd()));
        return names;
    }

    /**
     * A CRD whose new versions drop a stored one is left out: the server refuses it until its objects
     * move to the new storage version, which the apply does first.
     */
    @Override
    public void requireAcceptedDefinitions(List<Map<String, Object>> objects) {
        List<Map<String, Object>> crds = objects.stream().filter(object -> ObjectRef.of(object).isCrd()).toList();
        Set<String> migrating = crds.isEmpty() ? Set.of() : migratingDefinitions(crds);
        for (Map<String, Object> object : crds) {
            if (!migrating.contains(ObjectRef.of(object).name())) {
                bounded("check " + ObjectRef.of(object).subject(), () -> {
                    applier.requireAccepted(object);
                    return null;
                });
            }
        }
    }

    /**
     * Refuses, before anything is written, objects for a namespace that is being deleted: the
     * server would refuse them one by one (403), after the cluster-scoped ones were written.
     */
    private void requireLiveNamespaces(List<Map<String, Object>> objects) {
        java.util.Set<String> namespaces = new java.util.TreeSet<>();
        for (Map<String, Object> object : objects) {
            ObjectRef ref = ObjectRef.of(object);
            if (ref.kind().equals("Namespace") && ref.group().isEmpty()) {
                namespaces.add(ref.name());
            } else if (!ref.namespace().isEmpty()) {
                namespaces.add(ref.namespace());
            }
        }
        namespaces.forEach(this::requireLiveNamespace);
    }

    @Override
    public void requireLiveNamespace(String namespace) {
        io.fabric8.kubernetes.api.model.Namespace live = call("read Namespace/" + namespace,
                () -> client.namespaces().withName(namespace).get());
        if (live != null && live.getMetadata() != null && live.getMetadata().getDeletionTimestamp() != null) {
            throw new FluxbootException(KubeErrors.namespaceBeingDeleted(namespace));
        }
    }

    @Override
    public List<ObjectPlan> plan(List<Map<String, Object>> objects) {
        requireLiveNamespaces(objects);
        Map<String, CrdMigration> migrations = new TreeMap<>();
        storageMigration.planFor(objects).forEach(migration -> migrations.put(migration.crd(), migration));
        requireAcceptedDefinitions(objects);
        List<ServerSideApplier.Planned> planned = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            ObjectRef ref = ObjectRef.of(object);
            CrdMigration migration = ref.isCrd() ? migrations.get(ref.name()) : null;
            // the server would refuse a dry run of a CRD that drops a stored version: the migration comes first
            planned.add(migration == null ? bounded("plan " + ref.subject(), () -> applier.plan(object))
                    : new ServerSideApplier.Planned(ref, new ObjectPlan(ref.change(ObjectChange.Action.CONFIGURED),
                            migrationLines(migration))));
        }
        return planned.stream()
                .sorted((a, b) -> ApplyOrder.FLUX_ORDER.compare(a.ref(), b.ref()))
                .map(ServerSideApplier.Planned::plan)
                .toList();
    }

    private static List<String> migrationLines(CrdMigration migration) {
        List<String> lines = new ArrayList<>();
        lines.add("storage migration first: " + migration.describe());
        migration.subjects().forEach(subject -> lines.add("rewritten in " + migration.storageVersion() + ": " + subject));
        return lines;
    }

    @Override
    public StorageMigration storageMigration() {
        return storageMigration;
    }

    private List<ServerSideApplier.Result> applyInParallel(List<Map<String, Object>> objects) {
        if (objects.isEmpty()) {
            return List.of();
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, objects.size()), task -> {
            Thread thread = new Thread(task, "fluxboot-apply-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        bounded("reach the API server", () -> null);
        try {
            List<Future<ServerSideApplier.Result>> futures = new ArrayList<>();
            for (Map<String, Object> object : objects) {
                futures.add(pool.submit(() -> applier.apply(object)));
            }
            List<ServerSideApplier.Result> results = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Future<ServerSideApplier.Result> future : futures) {
                try {
                    results.add(deadline.await(future, "apply objects"));
                } catch (FluxbootException e) {
                    failures.add(e.getMessage());
                }
            }
            if (!failures.isEmpty()) {
                throw new FluxbootException(summary(failures));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One line: the failure itself when all objects failed alike (an unreachable cluster), else the first three. */
    private static String summary(List<String> failures) {
        List<String> distinct = failures.stream().distinct().toList();
        if (distinct.size() == 1) {
            return distinct.get(0);
        }
        int shown = Math.min(distinct.size(), 3);
        return failures.size() + " objects failed to apply: " + String.join("; ", distinct.subList(0, shown))
                + (distinct.size() > shown ? "; and " + (distinct.size() - shown) + " more" : "");
    }

    /** Stage two may hold custom resources: their CRDs must be served first. */
    private void waitUntilEstablished(List<ServerSideApplier.Result> results, Instant deadline, Duration timeout) {
        List<String> pending = new ArrayList<>();
        for (ServerSideApplier.Result result : results) {
            if (result.ref().isCrd() && !established(result.object())) {
                pending.add(result.ref().name());
            }
        }
        while (!pending.isEmpty()) {
            List<String> stillPending = new ArrayList<>();
            for (String name : pending) {
                CustomResourceDefinition crd = call("read CustomResourceDefinition/" + name,
                        () -> client.apiextensions().v1().customResourceDefinitions().withName(name).get());
                Optional<CustomResourceDefinitionCondition> namesAccepted = condition(crd, "NamesAccepted");
                if (namesAccepted.isPresent() && "False".equals(namesAccepted.get().getStatus())) {
                    throw new FluxbootException("CustomResourceDefinition/" + name + " was not accepted: "
                            + namesAccepted.get().getReason() + ": " + namesAccepted.get().getMessage());
                }
                if (!condition(crd, "Established").map(c -> "True".equals(c.getStatus())).orElse(false)) {
                    stillPending.add(name);
                }
            }
            pending = stillPending;
            if (!pending.isEmpty()) {
                if (clock.instant().isAfter(deadline)) {
                    throw new FluxbootException("timed out after " + GoDuration.format(timeout)
                            + " waiting for CustomResourceDefinitions to be established: " + String.join(", ", pending));
                }
                pause(CRD_POLL);
            }
        }
    }

    private static boolean established(Map<String, Object> crd) {
        Map<String, Object> status = ManifestNormalizer.map(crd.get("status"));
        if (status == null || !(status.get("conditions") instanceof List<?> conditions)) {
            return false;
        }
        return conditions.stream().map(ManifestNormalizer::map)
                .anyMatch(c -> c != null && "Established".equals(c.get("type")) && "True".equals(c.get("status")));
    }

    private static Optional<CustomResourceDefinitionCondition> condition(CustomResourceDefinition crd, String type) {
        if (crd == null || crd.getStatus() == null || crd.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return crd.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    @Override
    public void waitForDeployments(String namespace, List<String> names, Duration timeout, Reporter reporter) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            // One list per poll, not a read per name.
            Map<String, Map<String, Object>> found = new java.util.HashMap<>();
            for (Map<String, Object> deployment : list(ResourceType.DEPLOYMENT, namespace, Map.of())) {
                found.put(Fields.name(deployment), deployment);
            }
            Map<String, DeploymentReadiness> readiness = new TreeMap<>();
            for (String name : names) {
                readiness.put(name, DeploymentReadiness.of(found.get(name)));
            }
            boolean allReady = readiness.values().stream().allMatch(DeploymentReadiness::ready);
            boolean anyFailed = readiness.values().stream().anyMatch(r -> r.state() == DeploymentReadiness.State.FAILED);
            boolean timedOut = !clock.instant().isBefore(deadline);
            if (allReady || anyFailed || timedOut) {
                report(readiness, reporter);
                if (allReady) {
                    return;
                }
                throw new FluxbootException(anyFailed
                        ? "deployments failed in namespace " + namespace + ": " + notReady(readiness, true)
                        : "timed out after " + GoDuration.format(timeout) + " waiting for deployments in namespace "
                                + namespace + ": " + notReady(readiness, false));
            }
            pause(min(deploymentPoll, Duration.between(clock.instant(), deadline)));
        }
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration.isNegative() ? Duration.ZERO : duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FluxbootException("interrupted");
        }
    }

    private static void report(Map<String, DeploymentReadiness> readiness, Reporter reporter) {
        readiness.forEach((name, state) -> {
            switch (state.state()) {
                case READY -> reporter.success(name + ": deployment ready");
                case NOT_FOUND -> reporter.failure(name + ": deployment not found");
                default -> reporter.failure(name + ": deployment not ready: " + state.reason());
            }
        });
    }

    private static String notReady(Map<String, DeploymentReadiness> readiness, boolean failedOnly) {
        List<String> parts = new ArrayList<>();
        readiness.forEach((name, state) -> {
            if (!state.ready() && (!failedOnly || state.state() == DeploymentReadiness.State.FAILED)) {
                parts.add(name + " (" + state.reason() + ")");
            }
        });
        return String.join(", ", parts);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public FluxInstallation inspectFlux() {
        // Generic, not typed: only the labels count, and a typed CustomResourceDefinition makes Jackson
        // build deserializers for the whole OpenAPI schema type on every run's first check.
        return call("read the Flux CustomResourceDefinitions", () -> {
            GenericKubernetesResource crd = resource(ResourceType.CUSTOM_RESOURCE_DEFINITION, "", GIT_REPOSITORY_CRD).get();
            if (crd == null) {
                crd = client.genericKubernetesResources(context(ResourceType.CUSTOM_RESOURCE_DEFINITION, ""))
                        .withLabel(PART_OF_LABEL, "flux")
                        .list(new ListOptionsBuilder().withLimit(1L).build())
                        .getItems().stream().findFirst().orElse(null);
            }
            if (crd == null) {
                return FluxInstallation.none();
            }
            Map<String, String> labels = crd.getMetadata().getLabels() == null ? Map.of() : crd.getMetadata().getLabels();
            Optional<String> kustomizationName = nonBlank(labels.get(KUSTOMIZATION_NAME_LABEL));
            Optional<String> kustomizationNamespace = nonBlank(labels.get(KUSTOMIZATION_NAMESPACE_LABEL));
            Optional<String> bootstrap = kustomizationName.isPresent() && kustomizationNamespace.isPresent()
                    ? Optional.of(kustomizationNamespace.get() + "/" + kustomizationName.get()) : Optional.empty();
            return new FluxInstallation(true, nonBlank(labels.get(VERSION_LABEL)), bootstrap,
                    nonBlank(labels.get(MANAGED_BY_LABEL)));
        });
    }

    @Override
    public String serverVersion() {
        return call("read the Kubernetes version", () -> {
            io.fabric8.kubernetes.client.VersionInfo version = client.getKubernetesVersion();
            if (version == null || version.getGitVersion() == null) {
                throw notAnApiServer();
            }
            return version.getGitVersion();
        });
    }

    @Override
    public boolean allowed(String verb, String group, String resource) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                .withNewSpec().withNewResourceAttributes()
                .withVerb(verb).withGroup(group).withResource(resource)
                .endResourceAttributes().endSpec().build();
        SelfSubjectAccessReview answer = call("ask whether " + verb + " " + resource + " is allowed",
                () -> client.authorization().v1().selfSubjectAccessReview().create(review));
        return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
    }

    @Override
    public List<Map<String, Object>> list(ResourceType type, String namespace, Map<String, String> labels) {
        String where = namespace.isEmpty() ? "" : " in namespace " + namespace;
        GenericKubernetesResourceList list = call("list " + type.resource() + where, () -> {
            var operation = client.genericKubernetesResources(context(type, namespace));
            var scoped = namespace.isEmpty() ? operation.inAnyNamespace() : operation.inNamespace(namespace);
            return labels.isEmpty() ? scoped.list() : scoped.withLabels(labels).list();
        });
        List<Map<String, Object>> objects = new ArrayList<>();
        for (GenericKubernetesResource item : list.getItems()) {
            objects.add(asMap(item));
        }
        return objects;
    }

    @Override
    public Optional<Map<String, Object>> get(ResourceType type, String namespace, String name) {
        String doing = "read " + subject(type, namespace, name);
        return bounded(doing, () -> {
            GenericKubernetesResource object;
            try {
                object = resource(type, namespace, name).get();
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return Optional.<Map<String, Object>>empty(); // the type itself is not served
                }
                throw errors.translate(doing, e);
            }
            return Optional.ofNullable(object).map(this::asMap);
        });
    }

    @Override
    public void annotate(ResourceType type, String namespace, String name, Map<String, String> annotations) {
        String patch = io.fabric8.kubernetes.client.utils.Serialization.asJson(
                Map.of("metadata", Map.of("annotations", annotations)));
        call("annotate " + subject(type, namespace, name),
                () -> resource(type, namespace, name).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    }

    @Override
    public boolean delete(ResourceType type, String namespace, String name, boolean dryRun) {
        return call("delete " + subject(type, namespace, name),
                () -> !resource(type, namespace, name).dryRun(dryRun).delete().isEmpty());
    }

    @Override
    public void removeFinalizers(ResourceType type, String namespace, String name, boolean dryRun) {
        call("remove the finalizers of " + subject(type, namespace, name),
                () -> resource(type, namespace, name).dryRun(dryRun)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}"));
    }

    private Resource<GenericKubernetesResource> resource(ResourceType type, String namespace, String name) {
        var operation = client.genericKubernetesResources(context(type, namespace));
        return namespace.isEmpty() ? operation.withName(name) : operation.inNamespace(namespace).withName(name);
    }

    private static ResourceDefinitionContext context(ResourceType type, String namespace) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(type.group()).withVersion(type.version())
                .withKind(type.kind()).withPlural(type.plural())
                .withNamespaced(!namespace.isEmpty())
                .build();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(GenericKubernetesResource object) {
        return client.getKubernetesSerialization().convertValue(object, Map.class);
    }

    private static String subject(ResourceType type, String namespace, String name) {
        return namespace.isEmpty() ? type.kind() + "/" + name : type.kind() + "/" + namespace + "/" + name;
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    @Override
    public void applySecret(String namespace, String name, String type, Map<String, String> stringData) {
        Map<String, Object> secret = SecretManifest.of(namespace, name, type, stringData);
        try {
            bounded("apply Secret/" + namespace + "/" + name, () -> applier.apply(secret));
        } catch (FluxbootException e) {
            // no cause attached: a server error must not carry the values into a --verbose trace
            throw new FluxbootException(new Redactor(stringData.values()).redact(e.getMessage()));
        }
    }

    private <T> T call(String doing, Supplier<T> request) {
        return bounded(doing, () -> {
            try {
                return request.get();
            } catch (KubernetesClientException e) {
                throw errors.translate(doing, e);
            }
        });
    }

    /** The request, within the deadline, after the first request of the session has checked the server. */
    private <T> T bounded(String doing, Supplier<T> request) {
        return deadline.run(doing, () -> {
            requireApiServer();
            return request.get();
        });
    }

    /**
     * Once per session: whether the kubeconfig's server address leads to a Kubernetes API. A wrong
     * path (a proxy's prefix missing, a typo) answers 404 to every request, which reads as "no such
     * object" or "no such type" everywhere else.
     */
    private void requireApiServer() {
        if (apiServerChecked) {
            return;
        }
        synchronized (this) {
            if (apiServerChecked) {
                return;
            }
            io.fabric8.kubernetes.client.VersionInfo version;
            try {
                version = client.getKubernetesVersion();
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    throw notAnApiServer();
                }
                if (e.getCode() == 401 || e.getCode() <= 0) {
                    throw errors.translate("read the Kubernetes version", e);
                }
                apiServerChecked = true; // another refusal (403): the requests themselves will say what
                return;
            }
            if (version == null || version.getGitVersion() == null) {
                throw notAnApiServer();
            }
            apiServerChecked = true;
        }
    }

    private FluxbootException notAnApiServer() {
        return new FluxbootException("the server at " + client.getConfiguration().getMasterUrl() + " is not a Kubernetes"
                + " API server (GET /version answered 404 Not Found): check the server address in the kubeconfig,"
                + " its path included; check --kubeconfig/--context");
    }

    @Override
    public void close() {
        deadline.close();
        client.close();
    }
}
