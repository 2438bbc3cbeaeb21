package dev.fluxboot.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmallPartsTest {

    @Test
    void durationsReadLikeTheFluxCli() {
        assertThat(GoDuration.format(Duration.ofMinutes(5))).isEqualTo("5m0s");
        assertThat(GoDuration.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(GoDuration.format(Duration.ofHours(1))).isEqualTo("1h0m0s");
        assertThat(GoDuration.format(Duration.ofMillis(250))).isEqualTo("250ms");
    }

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
