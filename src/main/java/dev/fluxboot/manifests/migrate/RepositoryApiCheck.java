package dev.fluxboot.manifests.migrate;

import dev.fluxboot.git.TreeReader;
import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.ui.Reporter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before a bootstrap moves a repository to a Flux release: the manifests in the repository that use an
 * API version the release no longer serves. Flux could not apply them after the upgrade; {@code fluxboot
 * migrate -f} rewrites them. The folder Flux's own files live in is left out: the bootstrap writes it.
 */
public final class RepositoryApiCheck {

    private RepositoryApiCheck() {
    }

    /**
     * The YAML files ({@link ManifestApiMigration#DEFAULT_EXTENSIONS}) of the tree outside {@code fluxFolder}
     * that use a version {@code target} does not serve, each with those objects, in path order.
     */
    public static Map<String, List<ApiVersionUpgrade>> removedVersions(TreeReader tree, String fluxFolder,
                                                                       FluxApiVersions target) {
        return removedVersions(fluxManifests(tree, fluxFolder), target);
    }

    private static Map<String, List<ApiVersionUpgrade>> removedVersions(Map<String, String> files,
                                                                        FluxApiVersions target) {
        ManifestApiMigration migration = new ManifestApiMigration(target);
        Map<String, List<ApiVersionUpgrade>> found = new LinkedHashMap<>();
        files.forEach((path, text) -> {
            List<ApiVersionUpgrade> removed = migration.scan(path, text).stream().filter(ApiVersionUpgrade::removed)
                    .toList();
            if (!removed.isEmpty()) {
                found.put(path, removed);
            }
        });
        return found;
    }

    /** The YAML files outside {@code fluxFolder} that name a Flux API group, path to text. */
    private static Map<String, String> fluxManifests(TreeReader tree, String fluxFolder) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : tree.listFiles("")) {
            if (path.startsWith(fluxFolder + "/")
                    || ManifestApiMigration.DEFAULT_EXTENSIONS.stream().noneMatch(path::endsWith)) {
                continue;
            }
            String text = tree.readFile(path).map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1)).orElse("");
            if (text.contains("toolkit.fluxcd.io/")) {
                files.put(path, text);
            }
        }
        return files;
    }

    /**
     * Warns on {@code reporter}, one line per file, about each file {@link #removedVersions} finds for the
     * release of {@code bundle}, naming the command that fixes it. The bundle's CRDs are read only when the
     * repository has Flux manifests outside the Flux folder.
     */
    public static void warn(TreeReader tree, String fluxFolder, Bundle bundle, Reporter reporter) {
        Map<String, String> files = fluxManifests(tree, fluxFolder);
        if (files.isEmpty()) {
            return;
        }
        FluxApiVersions target = FluxApiVersions.of(bundle);
        removedVersions(files, target).forEach((path, upgrades) -> reporter.warning(path
                + " uses API versions Flux " + target.release() + " no longer serves ("
                + String.join(", ", upgrades.stream().map(u -> "line " + u.line() + ": " + u.kind() + " "
                        + u.group() + "/" + u.from()).toList())
                + "); Flux cannot apply it after the upgrade: run fluxboot migrate -f " + path + " --version "
                + target.release() + " and commit the result"));
    }
}
