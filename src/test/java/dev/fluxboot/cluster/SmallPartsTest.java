package dev.fluxboot.cluster;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class SmallPartsTest {

    @Test
    void objectChangesReadLikeFlux() {
        assertThat(new ObjectRef("v1", "Namespace", "", "flux-system").change(ObjectChange.Action.CREATED))
                .hasToString("Namespace/flux-system created");
        assertThat(new ObjectRef("apps/v1", "Deployment", "flux-system", "x").change(ObjectChange.Action.UNCHANGED))
                .hasToString("Deployment/flux-system/x unchanged");
    }
}
