package dev.fluxboot.manifests.bundle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Flux release's manifests, in the layout of the release asset {@code manifests.tar.gz}:
 * {@code <component>.yaml} per controller, {@code rbac.yaml}, {@code policies.yaml}.
 *
 * @param version the release, e.g. {@code v2.8.0}
 * @param files   file name (no folder) to its text
 * @param origin  where it came from, for messages (a path, "embedded", a URL)
 */
public record Bundle(String version, Map<String, String> files, String origin) {

    public Bundle {
        files = new LinkedHashMap<>(files);
    }

    public Optional<String> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    public boolean hasComponent(String component) {
        return files.containsKey(component + ".yaml");
    }
}
