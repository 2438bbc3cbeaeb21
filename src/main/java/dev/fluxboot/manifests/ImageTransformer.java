package dev.fluxboot.manifests;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a kustomization's {@code images:} with {@code name} and {@code newName}: every
 * container image called {@code name} (with any tag and/or digest) is renamed, keeping its tag
 * and digest. As kustomize's image tag transformer: the images of every list field named
 * {@code containers} or {@code initContainers}, at any depth, of every object but
 * CustomResourceDefinitions; and image volumes' {@code image.reference} of pods and pod templates.
 */
final class ImageTransformer {

    /** What may follow the image name: kustomize's {@code (:tag)?(@algorithm:digest)?}. */
    private static final Pattern TAG_AND_DIGEST =
            Pattern.compile("(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?");

    private final String name;
    private final String newName;

    ImageTransformer(String name, String newName) {
        this.name = name;
        this.newName = newName;
    }

    void apply(List<Resource> resources) {
        for (Resource resource : resources) {
            if (resource.kind().equals("CustomResourceDefinition")) {
                continue;
            }
            Map<String, Object> object = resource.object();
            walk(object);
            updateVolumeImages(Nodes.map(object, "spec"));
            updateVolumeImages(Nodes.map(object, "spec", "template", "spec"));
        }
    }

    private void walk(Object node) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue());
                if ((entry.getKey().equals("containers") || entry.getKey().equals("initContainers"))
                        && entry.getValue() instanceof List<?> containers) {
                    for (Object container : containers) {
                        updateImage(Nodes.asMap(container), "image");
                    }
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object element : list) {
                walk(element);
            }
        }
    }

    private void updateVolumeImages(Map<String, Object> podSpec) {
        List<Object> volumes = Nodes.list(podSpec, "volumes");
        if (volumes != null) {
            for (Object volume : volumes) {
                updateImage(Nodes.map(Nodes.asMap(volume), "image"), "reference");
            }
        }
    }

    private void updateImage(Map<String, Object> holder, String field) {
        if (holder != null && holder.get(field) instanceof String image) {
            String renamed = rename(image);
            if (renamed != null) {
                holder.put(field, renamed);
            }
        }
    }

    /** The image with {@link #newName} and its own tag and digest, or null if it is another image. */
    String rename(String image) {
        if (!image.startsWith(name)) {
            return null;
        }
        Matcher rest = TAG_AND_DIGEST.matcher(image).region(name.length(), image.length());
        if (!rest.matches()) {
            return null;
        }
        // Like kustomize, an empty tag ("name:") is dropped.
        String tag = rest.group(1) == null || rest.group(1).length() == 1 ? "" : rest.group(1);
        String digest = rest.group(2) == null ? "" : rest.group(2);
        return newName + tag + digest;
    }
}
