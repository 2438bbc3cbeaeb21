package dev.fluxboot.bootstrap;

import dev.fluxboot.UsageException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryCredentialsTest {

    @Test
    void dockerConfigJsonIsWhatFluxWrites() {
        RegistryCredentials credentials = RegistryCredentials.parse("bot:pa:ss\"<");

        String json = credentials.dockerConfigJson("ghcr.io/fluxcd");

        String auth = Base64.getEncoder().encodeToString("bot:pa:ss\"<".getBytes(StandardCharsets.UTF_8));
        assertThat(json).isEqualTo("{\"auths\":{\"ghcr.io/fluxcd\":{\"username\":\"bot\",\"password\":\"pa:ss\\\"\\u003c\","
                + "\"auth\":\"" + auth + "\"}}}");
    }

    @Test
    void aValueWithoutUserOrPasswordIsAUsageError() {
        assertThatThrownBy(() -> RegistryCredentials.parse("nocolon")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> RegistryCredentials.parse(":pw")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> RegistryCredentials.parse("bot:")).isInstanceOf(UsageException.class);
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(RegistryCredentials.parse("bot:hunter2").toString()).contains("bot").doesNotContain("hunter2");
    }
}
