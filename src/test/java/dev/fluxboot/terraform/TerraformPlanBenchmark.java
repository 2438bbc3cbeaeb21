package dev.fluxboot.terraform;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmark of issue 9: {@code terraform plan} of three bootstrapped clusters with nothing to
 * change, whole processes as users run it (terraform starting the provider), median of
 * {@code fluxboot.bench.runs} (default 5). Each plan is checked to say "No changes." so that a
 * failing plan cannot give a fast number. Runs only with {@code -Dfluxboot.bench=true}
 * ({@code scripts/bench-provider --plan}); writes {@code key=value} lines to
 * {@code fluxboot.bench.out}.
 */
@EnabledIfSystemProperty(named = "fluxboot.bench", matches = "true")
class TerraformPlanBenchmark {

    @RegisterExtension
    static final KubeApiServerSupport dev = new KubeApiServerSupport();

    @RegisterExtension
    static final KubeApiServerSupport staging = new KubeApiServerSupport();

    @RegisterExtension
    static final KubeApiServerSupport production = new KubeApiServerSupport();

    @TempDir
    Path dir;

    @Test
    void planOfThreeBootstrappedClustersWithNothingToChange() throws Exception {
        Path[] found = TerraformCli.find().orElse(null);
        assumeTrue(found != null, "no terraform on PATH or no target/fluxboot.jar");
        Map<String, KubeApiServerSupport> kubes = Map.of("dev", dev, "staging", staging, "production", production);
        try (GitRepositories repositories = new GitRepositories(); SshGitServer ssh = SshGitServer.start(repositories);
             FluxControllerSimulator devFlux = new FluxControllerSimulator(dev.client(), "flux-system").start();
             FluxControllerSimulator stagingFlux = new FluxControllerSimulator(staging.client(), "flux-system").start();
             FluxControllerSimulator productionFlux = new FluxControllerSimulator(production.client(), "flux-system")
                     .start()) {
            repositories.create("org/fleet");
            SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
            ssh.authorize(key.publicKey());
            TerraformCli terraform = TerraformCli.install(found[0], found[1], dir, Map.of());
            Files.writeString(terraform.work().resolve("deploy-key.pem"), key.privateKeyPem());
            terraform.writeConfiguration(TerraformFleetTest.configuration(kubes, ssh.url("org/fleet")));
            assertThat(terraform.run("init").exitCode()).isZero();
            TerraformCli.Result apply = terraform.run("apply", "-auto-approve");
            assertThat(apply.exitCode()).as(apply.output()).isZero();

            int runs = Integer.getInteger("fluxboot.bench.runs", 5);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                TerraformCli.Result plan = terraform.run("plan", "-detailed-exitcode");
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(plan.exitCode()).as(plan.output()).isZero();
                assertThat(plan.output()).contains("No changes.");
            }
            List<Long> sorted = millis.stream().sorted().toList();
            List<String> lines = List.of("plan_three_clusters_median_ms=" + sorted.get((sorted.size() - 1) / 2),
                    "plan_three_clusters_min_ms=" + sorted.get(0), "plan_three_clusters_runs=" + runs);
            lines.forEach(line -> System.out.println("bench: " + line));
            String out = System.getProperty("fluxboot.bench.out", "");
            if (!out.isEmpty()) {
                Files.write(Path.of(out), lines);
            }
        }
    }
}
