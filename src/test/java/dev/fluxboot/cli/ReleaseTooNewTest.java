package dev.fluxboot.cli;

import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A release whose CRDs the cluster's API server does not accept (schema keys newer than it) is
 * refused before anything is written: {@code install} fails with one line naming the CRD, and the
 * cluster has no namespace and no Flux CRD afterwards. Real kube-apiserver, real v2.8.0 manifests
 * with one schema key from the future (any server refuses it), and the real manifests unchanged
 * on a server older than Flux 2.8 supports.
 */
class ReleaseTooNewTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    private static final String FUTURE_KEY = "x-kubernetes-from-the-future";

    @TempDir
    static Path work;

    private static Path futureBundle;

    @BeforeAll
    static void bundleWithAKeyFromTheFuture() {
        futureBundle = TestBundles.withUnknownCrdKey("v2.8.0", work, FUTURE_KEY);
    }

    @Test
    void aCrdTheServerRefusesStopsTheInstallBeforeAnythingIsWritten() {
        CliRun run = install(futureBundle);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).filteredOn(line -> line.startsWith("✗ ")).singleElement().asString()
                .startsWith("✗ the cluster refuses CustomResourceDefinition/")
                .contains("(checked in a dry run before changing anything)", FUTURE_KEY)
                .endsWith("this Flux release may need a newer Kubernetes than the cluster's (see fluxboot check --pre)");
        assertNothingInstalled();
    }

    @Test
    void theRealReleaseOnAnOlderServerStopsBeforeAnythingIsWritten() {
        String version = kube.client().getKubernetesVersion().getMinor().replaceAll("\\D.*", "");
        assumeTrue(Integer.parseInt(version) < 25, "the test server (1." + version + ") knows Flux 2.8's CRD keys");

        CliRun run = install(TestBundles.shared("v2.8.0"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).filteredOn(line -> line.startsWith("✗ ")).singleElement().asString()
                .startsWith("✗ the cluster refuses CustomResourceDefinition/");
        assertNothingInstalled();
    }

    private static CliRun install(Path bundle) {
        return CliRun.run(Map.of("HOME", work.toString(), "NO_COLOR", "1"), "install", "--version", "v2.8.0",
                "--manifests", bundle.toString(), "--kubeconfig", kube.kubeconfig().toString(), "--timeout", "1m");
    }

    private static void assertNothingInstalled() {
        assertThat(kube.client().namespaces().withName("flux-system").get()).isNull();
        assertThat(kube.client().apiextensions().v1().customResourceDefinitions().list().getItems()).isEmpty();
    }
}
