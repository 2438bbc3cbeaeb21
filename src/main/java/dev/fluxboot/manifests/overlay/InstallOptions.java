package dev.fluxboot.manifests.overlay;

import java.util.List;

/**
 * The options of {@code flux install} that shape gotk-components.yaml. Defaults are the Flux
 * CLI's.
 */
public record InstallOptions(
        String version,
        String namespace,
        List<String> components,
        List<String> componentsExtra,
        String registry,
        String imagePullSecret,
        boolean watchAllNamespaces,
        boolean networkPolicy,
        String logLevel,
        String clusterDomain,
        List<String> tolerationKeys) {

    public static final List<String> DEFAULT_COMPONENTS =
            List.of("source-controller", "kustomize-controller", "helm-controller", "notification-controller");
    public static final List<String> EXTRA_COMPONENTS =
            List.of("image-reflector-controller", "image-automation-controller", "source-watcher");

    public InstallOptions {
        components = List.copyOf(components);
        componentsExtra = List.copyOf(componentsExtra);
        tolerationKeys = List.copyOf(tolerationKeys);
    }

    public static InstallOptions defaults(String version) {
        return new InstallOptions(version, "flux-system", DEFAULT_COMPONENTS, List.of(), "ghcr.io/fluxcd", "",
                true, true, "info", "cluster.local", List.of());
    }

    /** {@code --components} followed by {@code --components-extra}, as Flux orders them. */
    public List<String> allComponents() {
        var all = new java.util.ArrayList<>(components);
        componentsExtra.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return List.copyOf(all);
    }
}
