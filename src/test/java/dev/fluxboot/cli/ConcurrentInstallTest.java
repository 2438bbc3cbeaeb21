package dev.fluxboot.cli;

import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same cluster installed twice at once (two pipelines, a retried job): both runs create the
 * same objects at the same moment, and both must succeed. Real kube-apiserver, real v2.8.0
 * manifests, a stand-in for kube-controller-manager marking the Deployments available.
 */
class ConcurrentInstallTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @TempDir
    static Path work;

    private static Path bundle;

    @BeforeAll
    static void bundle() {
        bundle = TestBundles.shared("v2.8.0");
    }

    @Test
    void twoInstallsAtOnceBothSucceed() throws Exception {
        // Given two runs that start together
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<CliRun> install = () -> {
            start.await();
            return CliRun.run(Map.of("HOME", work.toString(), "NO_COLOR", "1"), "install", "--version", "v2.8.0",
                    "--manifests", bundle.toString(), "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "2m");
        };
        ExecutorService runs = Executors.newFixedThreadPool(2);
        List<CliRun> results = new ArrayList<>();

        // When
        try (InstallClusterTest.ControllerManagerStandIn ignored =
                     new InstallClusterTest.ControllerManagerStandIn(kube.client(), "flux-system")) {
            List<Future<CliRun>> futures = List.of(runs.submit(install), runs.submit(install));
            for (Future<CliRun> future : futures) {
                results.add(future.get());
            }
        } finally {
            runs.shutdownNow();
        }

        // Then
        assertThat(results).allSatisfy(run -> assertThat(run.exitCode()).as(run.err()).isZero());
        assertThat(kube.client().apps().deployments().inNamespace("flux-system").list().getItems()).hasSize(4);
    }
}
