package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.manifests.yaml.Nodes;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a kustomization's {@code images:}: every container image called {@code name}
 * (with any tag and/or digest) gets {@code newName} if set, and as kustomize's image tag updater
 * a {@code newTag} and/or {@code digest} replaces both its tag and digest, a {@code tagSuffix}
 * extends its tag; what is not set is kept. As kustomize's image tag transformer: the images of
 * every list field named {@code containers} or {@code initContainers}, at any depth, of every object but
 * CustomResourceDefinitions; and image volumes' {@code image.reference} of pods and pod templates.
 */
public final class ImageTransformer {

    /** What may follow the image name: kustomize's {@code (:tag)?(@algorithm:digest)?}. */
    private static final Pattern TAG_AND_DIGEST =
            Pattern.compile("(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?");

    private final String name;
    private final String newName;
    private final String newTag;
    private final String digest;
    private final String tagSuffix;

    public ImageTransformer(String name, String newName) {
        this(name, newName, "", "", "");
    }

    /** Empty strings are unset fields. */
    public ImageTransformer(String name, String newName, String newTag, String digest, String tagSuffix) {
        this.name = name;
        this.newName = newName;
        this.newTag = newTag;
        this.digest = digest;
        this.tagSuffix = tagSuffix;
    }

    public void apply(List<Resource> resources) {
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

    /** The image with the entry's changes, or null if it is another image. */
    String rename(String image) {
        if (!image.startsWith(name)) {
            return null;
        }
        Matcher rest = TAG_AND_DIGEST.matcher(image).region(name.length(), image.length());
        if (!rest.matches()) {
            return null;
        }
        // Like kustomize, an empty tag ("name:") is dropped.
        String tag = rest.group(1) == null ? "" : rest.group(1).substring(1);
        String imageDigest = rest.group(2) == null ? "" : rest.group(2).substring(1);
        if (!newTag.isEmpty() || !digest.isEmpty()) {
            tag = newTag;
            imageDigest = digest;
        } else if (!tagSuffix.isEmpty()) {
            tag += tagSuffix;
            imageDigest = "";
        }
        return (newName.isEmpty() ? name : newName)
                + (tag.isEmpty() ? "" : ":" + tag)
                + (imageDigest.isEmpty() ? "" : "@" + imageDigest);
    }
}
