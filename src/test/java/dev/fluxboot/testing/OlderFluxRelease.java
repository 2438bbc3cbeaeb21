package dev.fluxboot.testing;

import dev.fluxboot.manifests.yaml.GoYaml;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state an older Flux release leaves in a cluster, made from the one older bundle in
 * {@code ../shared} (v2.8.1): the image automation CRDs and notification's Alert, Provider and Receiver
 * stored in {@code v1beta2}, the versions Flux 2.9 removed, as releases before the v1 (v1beta3) storage
 * versions did. Objects written then stay stored in {@code v1beta2} until something rewrites them.
 */
public final class OlderFluxRelease {

    /** The CRDs whose storage version goes back to v1beta2. */
    public static final List<String> V1BETA2_CRDS = List.of(
            "imagerepositories.image.toolkit.fluxcd.io",
            "imagepolicies.image.toolkit.fluxcd.io",
            "imageupdateautomations.image.toolkit.fluxcd.io",
            "alerts.notification.toolkit.fluxcd.io",
            "providers.notification.toolkit.fluxcd.io",
            "receivers.notification.toolkit.fluxcd.io");

    /** CRD to the storage version Flux v2.9.4 has (and v2.8.1 had). */
    public static final Map<String, String> CURRENT_STORAGE = Map.of(
            "imagerepositories.image.toolkit.fluxcd.io", "v1",
            "imagepolicies.image.toolkit.fluxcd.io", "v1",
            "imageupdateautomations.image.toolkit.fluxcd.io", "v1",
            "alerts.notification.toolkit.fluxcd.io", "v1beta3",
            "providers.notification.toolkit.fluxcd.io", "v1beta3",
            "receivers.notification.toolkit.fluxcd.io", "v1");

    /** The image automation controllers, for {@code --components-extra}. */
    public static final String IMAGE_COMPONENTS = "image-reflector-controller,image-automation-controller";

    private OlderFluxRelease() {
    }

    /**
     * A copy of the v2.8.1 bundle in {@code target/older} in which the {@link #V1BETA2_CRDS} store in
     * v1beta2; the files without such a CRD are copied byte for byte.
     */
    public static Path bundle(Path target) {
        Path release = TestBundles.shared("v2.8.1");
        try {
            Path copy = Files.createDirectories(target.resolve("older"));
            try (Stream<Path> files = Files.list(release)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Path out = copy.resolve(file.getFileName().toString());
                    if (V1BETA2_CRDS.stream().noneMatch(text::contains)) {
                        Files.writeString(out, text, StandardCharsets.UTF_8);
                        continue;
                    }
                    StringBuilder changed = new StringBuilder();
                    for (Object document : GoYaml.loadAll(text)) {
                        changed.append("---\n").append(GoYaml.dump(storingInV1beta2(document)));
                    }
                    Files.writeString(out, changed, StandardCharsets.UTF_8);
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object storingInV1beta2(Object document) {
        Map<String, Object> object = (Map<String, Object>) document;
        Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
        if (!"CustomResourceDefinition".equals(object.get("kind")) || !V1BETA2_CRDS.contains(metadata.get("name"))) {
            return object;
        }
        Map<String, Object> spec = (Map<String, Object>) object.get("spec");
        for (Object version : (List<Object>) spec.get("versions")) {
            Map<String, Object> entry = (Map<String, Object>) version;
            entry.put("storage", "v1beta2".equals(entry.get("name")));
        }
        return object;
    }

    /** One object of each kind of {@link #V1BETA2_CRDS} in {@code namespace}, written in v1beta2, as text. */
    public static String objectsYaml(String namespace) {
        return """
                apiVersion: image.toolkit.fluxcd.io/v1beta2
                kind: ImageRepository
                metadata: {name: podinfo, namespace: NS}
                spec:
                  image: ghcr.io/stefanprodan/podinfo
                  interval: 5m
                ---
                apiVersion: image.toolkit.fluxcd.io/v1beta2
                kind: ImagePolicy
                metadata: {name: podinfo, namespace: NS}
                spec:
                  imageRepositoryRef: {name: podinfo}
                  policy:
                    semver: {range: 6.x}
                ---
                apiVersion: image.toolkit.fluxcd.io/v1beta2
                kind: ImageUpdateAutomation
                metadata: {name: apps, namespace: NS}
                spec:
                  interval: 30m
                  sourceRef: {kind: GitRepository, name: apps}
                  git:
                    commit:
                      author: {email: fluxcdbot@users.noreply.github.com, name: fluxcdbot}
                  update: {path: ./apps, strategy: Setters}
                ---
                apiVersion: notification.toolkit.fluxcd.io/v1beta2
                kind: Provider
                metadata: {name: slack, namespace: NS}
                spec: {type: slack, channel: general}
                ---
                apiVersion: notification.toolkit.fluxcd.io/v1beta2
                kind: Alert
                metadata: {name: apps, namespace: NS}
                spec:
                  providerRef: {name: slack}
                  eventSources:
                  - {kind: Kustomization, name: apps}
                ---
                apiVersion: notification.toolkit.fluxcd.io/v1beta2
                kind: Receiver
                metadata: {name: github, namespace: NS}
                spec:
                  type: github
                  resources:
                  - {kind: GitRepository, name: apps}
                  secretRef: {name: webhook-token}
                """.replace("NS", namespace);
    }

    /** Creates {@link #objectsYaml} (the namespace first) with server-side apply, field manager {@code kubectl}. */
    public static void createObjects(KubernetesClient client, String namespace) {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName(namespace).endMetadata().build()).serverSideApply();
        applyObjects(client, namespace, Map.of());
    }

    /**
     * Server-side applies {@link #objectsYaml} as their owner would (field manager {@code kubectl}), each kind
     * in the API version {@code apiVersions} gives it (as written, v1beta2, where it gives none).
     */
    @SuppressWarnings("unchecked")
    public static void applyObjects(KubernetesClient client, String namespace, Map<String, String> apiVersions) {
        for (Map<String, Object> object : FluxManifestFixtures.parse(objectsYaml(namespace))) {
            object.put("apiVersion", apiVersions.getOrDefault((String) object.get("kind"), (String) object.get("apiVersion")));
            GenericKubernetesResource resource = client.getKubernetesSerialization()
                    .convertValue(object, GenericKubernetesResource.class);
            client.resource(resource).fieldManager("kubectl").forceConflicts().serverSideApply();
        }
    }

    /** Each object of {@link #objectsYaml} as {@code apiVersion} (a version the cluster serves) reads it: kind/name to spec. */
    public static Map<String, Object> specs(KubernetesClient client, String namespace, Map<String, String> apiVersions) {
        Map<String, Object> specs = new LinkedHashMap<>();
        for (Map<String, Object> object : FluxManifestFixtures.parse(objectsYaml(namespace))) {
            String kind = (String) object.get("kind");
            String name = (String) ((Map<?, ?>) object.get("metadata")).get("name");
            GenericKubernetesResource live = client.genericKubernetesResources(apiVersions.get(kind), kind)
                    .inNamespace(namespace).withName(name).get();
            specs.put(kind + "/" + name, live == null ? null : live.getAdditionalProperties().get("spec"));
        }
        return specs;
    }

    /**
     * Asserts that each object of {@link #objectsYaml}, read in {@code apiVersions}, still holds every field
     * of {@code specsBefore} with its value; a field it gained must be one that a version of its CRD
     * defaults (a write in the new storage version fills those in, as any write in that version does).
     */
    @SuppressWarnings("unchecked")
    public static void assertKept(KubernetesClient client, String namespace, Map<String, Object> specsBefore,
                                  Map<String, String> apiVersions) {
        Map<String, Object> specsNow = specs(client, namespace, apiVersions);
        assertThat(specsNow.keySet()).containsExactlyElementsOf(specsBefore.keySet());
        specsBefore.forEach((object, before) -> {
            Map<String, Object> now = (Map<String, Object>) specsNow.get(object);
            assertThat(now).as(object).containsAllEntriesOf((Map<String, Object>) before);
            List<String> gained = new ArrayList<>(now.keySet());
            gained.removeAll(((Map<String, Object>) before).keySet());
            assertThat(gained).as(object + " gained").isSubsetOf(defaultedSpecFields(client, object.split("/")[0]));
        });
    }

    /** The spec fields that a version of the kind's CRD gives a default. */
    private static List<String> defaultedSpecFields(KubernetesClient client, String kind) {
        List<String> fields = new ArrayList<>();
        for (CustomResourceDefinition crd : client.apiextensions().v1().customResourceDefinitions().list().getItems()) {
            if (!crd.getSpec().getNames().getKind().equals(kind)) {
                continue;
            }
            crd.getSpec().getVersions().forEach(version -> version.getSchema().getOpenAPIV3Schema().getProperties()
                    .get("spec").getProperties().forEach((field, schema) -> {
                        if (schema.getDefault() != null) {
                            fields.add(field);
                        }
                    }));
        }
        return fields;
    }

    /** {@code status.storedVersions} of each of {@link #V1BETA2_CRDS}. */
    public static Map<String, List<String>> storedVersions(KubernetesClient client) {
        Map<String, List<String>> stored = new LinkedHashMap<>();
        for (String name : V1BETA2_CRDS) {
            CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
            stored.put(name, crd == null ? null : crd.getStatus().getStoredVersions());
        }
        return stored;
    }
}
