package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.ResourceType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The objects the bootstrap reads, at the API versions gotk-sync.yaml writes them. */
final class FluxObjects {

    static final ResourceType GIT_REPOSITORY = new ResourceType("source.toolkit.fluxcd.io", "v1", "GitRepository",
            "gitrepositories");
    static final ResourceType KUSTOMIZATION = new ResourceType("kustomize.toolkit.fluxcd.io", "v1", "Kustomization",
            "kustomizations");

    private FluxObjects() {
    }

    /** The Secret's data as text; empty when there is no such Secret. Never put a value into a message. */
    static Optional<Map<String, String>> secretData(Cluster cluster, String namespace, String name) {
        return cluster.get(ResourceType.SECRET, namespace, name).map(secret -> {
            Map<String, String> data = new TreeMap<>();
            if (secret.get("data") instanceof Map<?, ?> encoded) {
                encoded.forEach((key, value) -> data.put(String.valueOf(key),
                        new String(Base64.getDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8)));
            }
            return data;
        });
    }
}
