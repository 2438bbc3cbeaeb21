package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The server side of {@code version}: the Flux distribution from the CRD labels and, for each
 * container of the Flux controller Deployments, its image name and tag, as {@code flux version}
 * reads them.
 *
 * @param distribution e.g. {@code flux-v2.8.0}; empty without the GitRepository CRD
 * @param controllers  image name (last path part) to tag, e.g. {@code source-controller -> v1.8.0}
 */
public record FluxComponentVersions(Optional<String> distribution, SortedMap<String, String> controllers) {

    /**
     * @throws FluxbootException when the namespace has no Flux Deployment or an image has no tag
     */
    public static FluxComponentVersions read(Cluster cluster, String namespace) {
        Optional<String> distribution = FluxClusterInfo.read(cluster).flatMap(FluxClusterInfo::distribution);
        List<Map<String, Object>> deployments = cluster.list(ResourceType.DEPLOYMENT, namespace, FluxCrds.FLUX_SELECTOR);
        if (deployments.isEmpty()) {
            throw new FluxbootException("no deployments found in " + namespace + " namespace");
        }
        SortedMap<String, String> controllers = new TreeMap<>();
        for (Map<String, Object> deployment : deployments) {
            for (Object container : Fields.list(deployment, "spec", "template", "spec", "containers")) {
                if (container instanceof Map<?, ?> map && map.get("image") != null) {
                    String image = String.valueOf(map.get("image"));
                    controllers.put(imageName(image), imageTag(image));
                }
            }
        }
        return new FluxComponentVersions(distribution, controllers);
    }

    /** {@code source-controller} of {@code ghcr.io/fluxcd/source-controller:v1.8.0}. */
    static String imageName(String image) {
        String repository = withoutRegistry(image);
        String path = repository.split(":", 2)[0];
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code v1.8.0} of {@code ghcr.io/fluxcd/source-controller:v1.8.0}; everything after the first colon past the registry. */
    static String imageTag(String image) {
        String repository = withoutRegistry(image);
        int colon = repository.indexOf(':');
        if (colon < 0) {
            throw new FluxbootException("missing image tag in image " + image);
        }
        return repository.substring(colon + 1);
    }

    /** The first path part is a registry when it has a dot or a port, or is localhost (Docker's rule). */
    private static String withoutRegistry(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return image;
        }
        String first = image.substring(0, slash);
        boolean registry = first.contains(".") || first.contains(":") || first.equals("localhost");
        return registry ? image.substring(slash + 1) : image;
    }
}
