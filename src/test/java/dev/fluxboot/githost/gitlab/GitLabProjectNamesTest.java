package dev.fluxboot.githost.gitlab;

import dev.fluxboot.UsageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitLabProjectNamesTest {

    @Test
    void acceptsWhatFluxAccepts() {
        for (String name : new String[] {"fleet-infra", "_private", "fleet.infra", "9lives", "caf\u00e9", "\uD83D\uDE80rocket"}) {
            assertThatCode(() -> GitLabProjectNames.check(name)).as(name).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesWhatFluxRefuses() {
        for (String name : new String[] {"-fleet", ".fleet", "fleet infra", "fleet/infra", ""}) {
            assertThatThrownBy(() -> GitLabProjectNames.check(name)).as(name).isInstanceOf(UsageException.class);
        }
    }
}
