package dev.fluxboot.testing;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real Flux manifests of {@code ../shared/flux-manifests} (system property
 * {@code fluxboot.shared}) as installable objects, for tests. Tests are skipped (assumption) when
 * the folder is absent.
 */
public final class FluxManifestFixtures {

    private static final Pattern RAW_IMAGE = Pattern.compile("(?m)^\\s+image: fluxcd/([a-z-]+):(\\S+)$");

    private FluxManifestFixtures() {
    }

    /** {@code ../shared/flux-manifests}; skips the test when absent. */
    public static Path manifestsDir() {
        String shared = System.getProperty("fluxboot.shared", "../shared");
        Path dir = Path.of(shared, "flux-manifests");
        assumeTrue(Files.isDirectory(dir.resolve("v2.8.0-expected")), "no shared Flux manifests at " + dir.toAbsolutePath());
        return dir;
    }

    /** What {@code flux install --export} wrote for v2.8.0 with default options, as text. */
    public static String v280ComponentsYaml() {
        return read(manifestsDir().resolve("v2.8.0-expected/gotk-components.yaml"));
    }

    /** The v2.8.0 installation objects (Namespace, CRDs, RBAC, controllers of the default components). */
    public static List<Map<String, Object>> v280Components() {
        return parse(v280ComponentsYaml());
    }

    /**
     * The same installation for v2.8.1: the v2.8.1 release differs from v2.8.0 only in the
     * controller images (see {@code ../shared/flux-manifests/README.md}), so its install form is
     * the v2.8.0 one with the version label moved to v2.8.1 on every object and each controller's
     * image taken from the v2.8.1 release (registry {@code ghcr.io/fluxcd}, as the install overlay
     * sets it).
     */
    public static List<Map<String, Object>> v281Components() {
        String text = v280ComponentsYaml()
                .replace("app.kubernetes.io/version: v2.8.0", "app.kubernetes.io/version: v2.8.1")
                .replace("# Flux Version: v2.8.0", "# Flux Version: v2.8.1");
        Path release = manifestsDir().resolve("v2.8.1");
        for (String component : List.of("source-controller", "kustomize-controller", "helm-controller", "notification-controller")) {
            Matcher image = RAW_IMAGE.matcher(read(release.resolve(component + ".yaml")));
            if (!image.find()) {
                throw new IllegalStateException("no controller image in v2.8.1/" + component + ".yaml");
            }
            text = text.replaceAll("image: ghcr\\.io/fluxcd/" + Pattern.quote(component) + ":\\S+",
                    "image: ghcr.io/fluxcd/" + component + ":" + image.group(2));
        }
        return parse(text);
    }

    /** Every document of a multi-document YAML text that is a mapping. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (document instanceof Map<?, ?> map) {
                objects.add((Map<String, Object>) map);
            }
        }
        return objects;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
