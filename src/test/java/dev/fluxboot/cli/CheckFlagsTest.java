package dev.fluxboot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check}'s flags as Flux 2.9 has them: {@code -v}, {@code --components(-extra)}, {@code --poll-interval}. */
class CheckFlagsTest {

    @TempDir
    Path dir;

    @Test
    void fluxsCheckFlagsAreAcceptedAndTheRunGoesOnToTheCluster() {
        // When every flag of Flux's check is given, with a kubeconfig that does not exist
        CliRun run = CliRun.run("check", "--pre", "-v", "v2.9.4", "--components", "source-controller,kustomize-controller",
                "--components-extra", "image-reflector-controller", "--poll-interval", "2s",
                "--kubeconfig", dir.resolve("none").toString());

        // Then none is a usage error: the run fails on the missing kubeconfig
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(dir.resolve("none").toString()).doesNotContain("Unknown option");
    }

    @Test
    void aPollIntervalThatIsNoDurationIsAUsageError() {
        CliRun run = CliRun.run("check", "--poll-interval", "often", "--kubeconfig", dir.resolve("none").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("--poll-interval", "often");
    }
}
