package dev.fluxboot.githost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeployKeyTest {

    @Test
    void titleIsWhatTheFluxCliRegisters() {
        assertThat(DeployKey.title("flux-system", "main", "flux-system", "./clusters/my-cluster"))
                .isEqualTo("flux-system-main-flux-system-./clusters/my-cluster");
        assertThat(DeployKey.title("flux", "prod", "git-creds", "./clusters/a"))
                .isEqualTo("flux-prod-git-creds-./clusters/a");
    }

    @Test
    void emptyPartsAreLeftOut() {
        assertThat(DeployKey.title("flux-system", "main", "", "")).isEqualTo("flux-system-main");
    }
}
