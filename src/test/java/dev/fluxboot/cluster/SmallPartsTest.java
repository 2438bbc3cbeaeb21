package dev.fluxboot.cluster;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmallPartsTest {

    @Test
    void secretValuesArePulledOutOfMessagesPlainAndBase64() {
        String message = "bad value hunter22 or aHVudGVyMjI= for key password";

        assertThat(SecretRedactor.redact(message, Map.of("password", "hunter22")))
                .isEqualTo("bad value *** or *** for key password");
    }

    @Test
    void objectChangesReadLikeFlux() {
        assertThat(new ObjectRef("v1", "Namespace", "", "flux-system").change(ObjectChange.Action.CREATED))
                .hasToString("Namespace/flux-system created");
        assertThat(new ObjectRef("apps/v1", "Deployment", "flux-system", "x").change(ObjectChange.Action.UNCHANGED))
                .hasToString("Deployment/flux-system/x unchanged");
    }
}
