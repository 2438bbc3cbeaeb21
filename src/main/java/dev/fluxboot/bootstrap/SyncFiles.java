package dev.fluxboot.bootstrap;

import java.util.List;

/** Writes gotk-sync.yaml and a new kustomization.yaml the way the Flux CLI writes them, byte for byte. */
public interface SyncFiles {

    /** gotk-sync.yaml: the header comment, then the GitRepository and the Kustomization. */
    String gotkSync(SyncSpec spec);

    /** kustomization.yaml listing {@code resources}, for a folder that has none yet. */
    String kustomization(List<String> resources);
}
