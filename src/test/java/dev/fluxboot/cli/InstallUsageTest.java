package dev.fluxboot.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage errors of {@code fluxboot install}: exit 2, one line, nothing run. */
class InstallUsageTest {

    @Test
    void manifestsWithoutVersionExitsWithUsage() {
        CliRun run = CliRun.run("install", "--export", "--manifests", "does-not-matter");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("✗ --manifests requires --version");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void registryPasswordIsNeverPrinted() {
        CliRun run = CliRun.run("install", "--export", "--registry-creds", "bot:hunter2-secret");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--image-pull-secret").doesNotContain("hunter2-secret");
        assertThat(run.out()).doesNotContain("hunter2-secret");
    }

    @Test
    void positionalArgumentsAreRefused() {
        CliRun run = CliRun.run("install", "extra");

        assertThat(run.exitCode()).isEqualTo(2);
        // the argument itself is not shown: it may be the value of a mistyped flag
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("✗ \"fluxboot install\" takes no such argument").doesNotContain("extra");
    }
}
