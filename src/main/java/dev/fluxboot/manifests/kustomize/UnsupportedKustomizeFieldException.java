package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;

/**
 * A kustomization uses something kustomize supports and fluxboot's own build does not (Helm
 * charts, plugins, vars, remote resources...): the folder has to be built by a real kustomize.
 */
public final class UnsupportedKustomizeFieldException extends FluxbootException {

    private final String file;
    private final String field;

    UnsupportedKustomizeFieldException(String file, String field) {
        super(file + ": field '" + field + "' is not built by fluxboot itself");
        this.file = file;
        this.field = field;
    }

    /** The kustomization file, as the user sees it in the repository. */
    public String file() {
        return file;
    }

    /** The field ({@code helmCharts}), or what stands for it ({@code resources: https://...}). */
    public String field() {
        return field;
    }
}
