package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.GoDuration;
import dev.fluxboot.ui.Reporter;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves the objects of CustomResourceDefinitions to a new storage version, so that versions still listed
 * in {@code status.storedVersions} can leave the definition: the API server refuses a CRD that drops a
 * stored version ("must remain in spec.versions until a storage migration ..."). For each CRD:
 * <ol>
 *   <li>where the cluster's definition does not store in the new storage version yet, a transitional
 *       definition is applied: the new versions and storage version, plus the stored versions the new
 *       definition drops, as the cluster serves them; then the API server's discovery is awaited until it
 *       reports the new storage version (its {@code storageVersionHash});</li>
 *   <li>every object is rewritten, which makes the API server store it in the storage version: an empty
 *       merge patch, or, where its {@code managedFields} name another version of the group, a JSON patch
 *       moving them to the storage version (as {@code flux migrate} does: field managers of a removed
 *       version would break later server-side applies);</li>
 *   <li>{@code status.storedVersions} is set to the storage version alone (status subresource).</li>
 * </ol>
 * Nothing in an object changes but its stored encoding and the versions its field managers name. A
 * failure stops before the stored versions are trimmed: the cluster keeps every object readable, and a
 * re-run starts over and finishes.
 *
 * <p>Two ways to choose what to migrate: before applying new definitions ({@link #planFor}, {@link
 * #migrateFor}), the CRDs whose new version list drops a stored version; or, as {@code flux migrate}
 * does ({@link #planInstalled}, {@link #migrateInstalled}), every Flux CRD in the cluster that stores
 * more than its storage version.
 */
public final class StorageMigration {

    static final String FLUX_LABEL = "app.kubernetes.io/part-of";

    private static final int PAGE = 500;
    private static final int ATTEMPTS = 5;
    private static final Duration POLL = Duration.ofMillis(200);

    private final KubernetesClient client;
    private final KubernetesSerialization serialization;
    private final KubeErrors errors;
    private final ServerSideApplier applier;

    StorageMigration(KubernetesClient client, KubeErrors errors, ServerSideApplier applier) {
        this.client = client;
        this.serialization = client.getKubernetesSerialization();
        this.errors = errors;
        this.applier = applier;
    }

    /** One CRD to migrate: the cluster's definition and the one to migrate towards. */
    private record Target(Map<String, Object> live, Map<String, Object> desired, List<String> storedVersions,
                          String storageVersion, boolean transitional) {

        String name() {
            return Fields.name(live);
        }

        String group() {
            return Fields.text(desired, "spec", "group").orElse("");
        }

        String kind() {
            return Fields.text(desired, "spec", "names", "kind").orElse("");
        }

        String plural() {
            return Fields.text(desired, "spec", "names", "plural").orElse("");
        }

        boolean namespaced() {
            return !"Cluster".equals(Fields.text(desired, "spec", "scope").orElse("Namespaced"));
        }
    }

    /**
     * What {@link #migrateFor} would do before {@code objects} are applied, changing nothing: the CRDs among
     * them whose cluster definition stores a version their new version list drops.
     */
    public List<CrdMigration> planFor(List<Map<String, Object>> objects) {
        return describe(targetsFor(objects));
    }

    /**
     * Migrates what {@link #planFor} lists, in order, so that {@code objects} can be applied; reports each
     * CRD done on {@code reporter}.
     *
     * @return what was migrated
     * @throws FluxbootException naming the CRD and the object that failed; nothing is trimmed then
     */
    public List<CrdMigration> migrateFor(List<Map<String, Object>> objects, Duration timeout, Reporter reporter) {
        return migrate(targetsFor(objects), timeout, reporter, false);
    }

    /**
     * What {@link #migrateInstalled} would do, changing nothing: every CRD labelled
     * {@code app.kubernetes.io/part-of=flux} whose stored versions are more than its storage version.
     */
    public List<CrdMigration> planInstalled() {
        return describe(installedTargets());
    }

    /**
     * {@code flux migrate}: every Flux CRD's objects to its storage version, its stored versions trimmed to
     * it; reports each object and each CRD on {@code reporter}.
     */
    public List<CrdMigration> migrateInstalled(Duration timeout, Reporter reporter) {
        return migrate(installedTargets(), timeout, reporter, true);
    }

    private List<Target> targetsFor(List<Map<String, Object>> objects) {
        List<Map<String, Object>> crds = objects.stream().filter(StorageMigration::isCrd).toList();
        if (crds.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> live = new LinkedHashMap<>();
        for (CustomResourceDefinition crd : call("list CustomResourceDefinitions",
                () -> client.apiextensions().v1().customResourceDefinitions().list().getItems())) {
            live.put(crd.getMetadata().getName(), toMap(crd));
        }
        List<Target> targets = new ArrayList<>();
        for (Map<String, Object> desired : crds) {
            Map<String, Object> current = live.get(Fields.name(desired));
            if (current == null) {
                continue;
            }
            List<String> stored = texts(Fields.list(current, "status", "storedVersions"));
            List<String> newVersions = versionNames(desired);
            if (newVersions.containsAll(stored)) {
                continue;
            }
            String storage = storageVersion(desired).orElseThrow(() -> new FluxbootException(
                    "CustomResourceDefinition/" + Fields.name(desired) + " has no storage version"));
            boolean transitional = !storageVersion(current).orElse("").equals(storage)
                    || !versionNames(current).contains(storage);
            targets.add(new Target(current, desired, stored, storage, transitional));
        }
        return targets;
    }

    private List<Target> installedTargets() {
        List<Target> targets = new ArrayList<>();
        for (CustomResourceDefinition crd : call("list the Flux CustomResourceDefinitions",
                () -> client.apiextensions().v1().customResourceDefinitions().withLabel(FLUX_LABEL, "flux").list()
                        .getItems())) {
            Map<String, Object> live = toMap(crd);
            List<String> stored = texts(Fields.list(live, "status", "storedVersions"));
            Optional<String> storage = storageVersion(live);
            if (storage.isEmpty()) {
                throw new FluxbootException("no storage version found for CustomResourceDefinition "
                        + crd.getMetadata().getName());
            }
            if (!stored.equals(List.of(storage.get()))) {
                targets.add(new Target(live, live, stored, storage.get(), false));
            }
        }
        return targets;
    }

    private List<CrdMigration> describe(List<Target> targets) {
        List<CrdMigration> plan = new ArrayList<>();
        for (Target target : targets) {
            plan.add(migration(target, objectNames(target, listVersion(target))));
        }
        return plan;
    }

    /** The plan lists objects through a version the cluster serves now; the migration through the new one. */
    private static String listVersion(Target target) {
        if (!target.transitional()) {
            return target.storageVersion();
        }
        return storageVersion(target.live()).orElse(target.storageVersion());
    }

    private static CrdMigration migration(Target target, List<String> objects) {
        return new CrdMigration(target.name(), target.group(), target.kind(), target.storedVersions(),
                target.storageVersion(), target.transitional(), objects);
    }

    private List<CrdMigration> migrate(List<Target> targets, Duration timeout, Reporter reporter, boolean eachObject) {
        Instant deadline = Instant.now().plus(timeout);
        List<CrdMigration> done = new ArrayList<>();
        for (Target target : targets) {
            if (target.transitional()) {
                applier.apply(transitionalDefinition(target));
            }
            awaitStorageVersion(target, deadline, timeout);
            List<String> rewritten = new ArrayList<>();
            for (GenericKubernetesResource object : list(target, target.storageVersion())) {
                if (rewrite(target, object)) {
                    String name = objectName(object);
                    rewritten.add(name);
                    if (eachObject) {
                        reporter.success(target.kind() + "/" + name + " migrated to version " + target.storageVersion());
                    }
                }
            }
            trimStoredVersions(target);
            reporter.success(target.name() + " migrated to storage version " + target.storageVersion());
            done.add(migration(target, rewritten));
        }
        return done;
    }

    /**
     * The new definition, still serving each stored version it drops as the cluster's definition has it
     * (never as the storage version), so that objects stored in those versions stay readable.
     */
    private static Map<String, Object> transitionalDefinition(Target target) {
        Map<String, Object> crd = deepCopy(target.desired());
        crd.remove("status");
        List<Object> versions = new ArrayList<>(Fields.list(crd, "spec", "versions"));
        List<String> names = versionNames(crd);
        for (Object version : Fields.list(target.live(), "spec", "versions")) {
            Map<String, Object> entry = asMap(version);
            String name = String.valueOf(entry.get("name"));
            if (!names.contains(name) && target.storedVersions().contains(name)) {
                Map<String, Object> kept = deepCopy(entry);
                kept.put("storage", false);
                versions.add(kept);
            }
        }
        Fields.map(crd, "spec").put("versions", versions);
        return crd;
    }

    /**
     * Waits until the API server's discovery reports the storage version for the CRD's resource: only then
     * does a rewrite store objects in it.
     */
    private void awaitStorageVersion(Target target, Instant deadline, Duration timeout) {
        String expected = storageVersionHash(target.group(), target.storageVersion(), target.kind());
        while (true) {
            Optional<String> reported = reportedStorageVersionHash(target);
            if (reported.isPresent() && (reported.get().isEmpty() || reported.get().equals(expected))) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new FluxbootException("timed out after " + GoDuration.format(timeout) + " waiting for the API server"
                        + " to store " + target.name() + " in " + target.storageVersion()
                        + "; nothing was removed: run the command again");
            }
            ServerSideApplier.sleep(POLL);
        }
    }

    /** The hash discovery reports; empty while the resource is not listed, "" when the server reports none. */
    private Optional<String> reportedStorageVersionHash(Target target) {
        APIResourceList resources;
        try {
            resources = client.getApiResources(target.group() + "/" + target.storageVersion());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw errors.translate("read the API discovery of " + target.group(), e);
        }
        if (resources == null || resources.getResources() == null) {
            return Optional.empty();
        }
        return resources.getResources().stream()
                .filter(resource -> target.plural().equals(resource.getName()))
                .map(APIResource::getStorageVersionHash)
                .map(hash -> hash == null ? "" : hash)
                .findFirst();
    }

    /**
     * The API server's storage version hash: the first 8 bytes of the SHA-256 of {@code group/version/kind},
     * in base64 (apiserver's {@code discovery.StorageVersionHash}).
     */
    static String storageVersionHash(String group, String version, String kind) {
        String gvk = group.isEmpty() ? version + "/" + kind : group + "/" + version + "/" + kind;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(gvk.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** @return false when the object is gone */
    private boolean rewrite(Target target, GenericKubernetesResource listed) {
        String subject = target.kind() + "/" + objectName(listed);
        GenericKubernetesResource object = listed;
        for (int attempt = 1; ; attempt++) {
            Resource<GenericKubernetesResource> resource = resource(target, target.storageVersion(), object);
            Optional<String> managedFieldsPatch = managedFieldsPatch(target, object);
            try {
                if (managedFieldsPatch.isPresent()) {
                    resource.patch(PatchContext.of(PatchType.JSON), managedFieldsPatch.get());
                } else {
                    resource.patch(PatchContext.of(PatchType.JSON_MERGE), "{}");
                }
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return false;
                }
                GenericKubernetesResource current = e.getCode() == 409 || e.getCode() == 422 && managedFieldsPatch.isPresent()
                        ? read(resource, subject) : object;
                if (current == null) {
                    return false;
                }
                // a JSON patch guarded by the resourceVersion fails when the object changed meanwhile: again
                boolean changedMeanwhile = !current.getMetadata().getResourceVersion()
                        .equals(object.getMetadata().getResourceVersion());
                if (!changedMeanwhile || attempt >= ATTEMPTS) {
                    throw new FluxbootException("storage migration of " + target.name() + " stopped: " + subject
                            + " could not be rewritten in " + target.storageVersion() + ": "
                            + errors.message("rewrite " + subject, e).replaceFirst("^rewrite \\S+ failed: ", "")
                            + "; no stored version was removed and no object was lost: fix that and run the command again",
                            e);
                }
                object = current;
            }
        }
    }

    private GenericKubernetesResource read(Resource<GenericKubernetesResource> resource, String subject) {
        return call("read " + subject, resource::get);
    }

    /**
     * A JSON patch moving the object's field managers of other versions of the group to the storage
     * version, guarded by its resourceVersion; empty when none names another version.
     */
    private Optional<String> managedFieldsPatch(Target target, GenericKubernetesResource object) {
        Map<String, Object> map = toMap(object);
        List<Object> entries = Fields.list(map, "metadata", "managedFields");
        String wanted = target.group() + "/" + target.storageVersion();
        boolean moved = false;
        List<Object> migrated = new ArrayList<>();
        for (Object entry : entries) {
            Map<String, Object> copy = deepCopy(asMap(entry));
            Object apiVersion = copy.get("apiVersion");
            if (apiVersion instanceof String text && text.startsWith(target.group() + "/") && !text.equals(wanted)) {
                copy.put("apiVersion", wanted);
                moved = true;
            }
            migrated.add(copy);
        }
        if (!moved) {
            return Optional.empty();
        }
        List<Map<String, Object>> patch = List.of(
                Map.of("op", "test", "path", "/metadata/resourceVersion",
                        "value", object.getMetadata().getResourceVersion()),
                Map.of("op", "replace", "path", "/metadata/managedFields", "value", migrated));
        return Optional.of(serialization.asJson(patch));
    }

    private void trimStoredVersions(Target target) {
        for (int attempt = 1; ; attempt++) {
            CustomResourceDefinition crd = call("read CustomResourceDefinition/" + target.name(),
                    () -> client.apiextensions().v1().customResourceDefinitions().withName(target.name()).get());
            if (crd == null) {
                throw new FluxbootException("CustomResourceDefinition/" + target.name() + " disappeared during its"
                        + " storage migration");
            }
            List<String> stored = crd.getStatus() == null || crd.getStatus().getStoredVersions() == null ? List.of()
                    : crd.getStatus().getStoredVersions();
            if (stored.equals(List.of(target.storageVersion()))) {
                return;
            }
            crd.getStatus().setStoredVersions(new ArrayList<>(List.of(target.storageVersion())));
            try {
                client.apiextensions().v1().customResourceDefinitions().resource(crd).updateStatus();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= ATTEMPTS) {
                    throw errors.translate("trim the stored versions of CustomResourceDefinition/" + target.name(), e);
                }
            }
        }
    }

    private List<String> objectNames(Target target, String version) {
        return list(target, version).stream().map(StorageMigration::objectName).toList();
    }

    private List<GenericKubernetesResource> list(Target target, String version) {
        List<GenericKubernetesResource> items = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            GenericKubernetesResourceList page = call("list " + target.plural() + "." + target.group(), () ->
                    client.genericKubernetesResources(context(target, version)).inAnyNamespace()
                            .list(new ListOptionsBuilder().withLimit((long) PAGE).withContinue(token).build()));
            items.addAll(page.getItems());
            next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());
        return items;
    }

    private Resource<GenericKubernetesResource> resource(Target target, String version, GenericKubernetesResource object) {
        var operation = client.genericKubernetesResources(context(target, version));
        String namespace = object.getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty() ? operation.withName(object.getMetadata().getName())
                : operation.inNamespace(namespace).withName(object.getMetadata().getName());
    }

    private static ResourceDefinitionContext context(Target target, String version) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(target.group()).withVersion(version).withKind(target.kind()).withPlural(target.plural())
                .withNamespaced(target.namespaced())
                .build();
    }

    private static String objectName(GenericKubernetesResource object) {
        String namespace = object.getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty() ? object.getMetadata().getName()
                : namespace + "/" + object.getMetadata().getName();
    }

    private static boolean isCrd(Map<String, Object> object) {
        return "CustomResourceDefinition".equals(object.get("kind"))
                && String.valueOf(object.get("apiVersion")).startsWith("apiextensions.k8s.io/");
    }

    private static Optional<String> storageVersion(Map<String, Object> crd) {
        for (Object version : Fields.list(crd, "spec", "versions")) {
            Map<String, Object> entry = asMap(version);
            if (Boolean.TRUE.equals(entry.get("storage"))) {
                return Optional.of(String.valueOf(entry.get("name")));
            }
        }
        return Optional.empty();
    }

    private static List<String> versionNames(Map<String, Object> crd) {
        List<String> names = new ArrayList<>();
        for (Object version : Fields.list(crd, "spec", "versions")) {
            names.add(String.valueOf(asMap(version).get("name")));
        }
        return names;
    }

    private static List<String> texts(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), deepCopy(item)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return (T) copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(Object object) {
        return serialization.convertValue(object, Map.class);
    }

    private <T> T call(String doing, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw errors.translate(doing, e);
        }
    }
}
