package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.ClusterConnector;
import dev.fluxboot.cluster.KubeClusters;
import dev.fluxboot.git.GitClient;
import dev.fluxboot.git.JGitClient;
import dev.fluxboot.git.ScratchSpace;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.githost.Forge;
import dev.fluxboot.githost.ForgeConnector;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.bitbucket.BitbucketServerHost;
import dev.fluxboot.githost.bitbucket.BitbucketServerOptions;
import dev.fluxboot.githost.gitea.GiteaHost;
import dev.fluxboot.githost.github.GitHubHost;
import dev.fluxboot.githost.gitlab.GitLabHost;
import dev.fluxboot.manifests.bundle.BundleLocator;
import dev.fluxboot.manifests.bundle.EmbeddedBundle;
import dev.fluxboot.manifests.overlay.ComponentsGenerator;
import dev.fluxboot.net.EnvProxySelector;
import dev.fluxboot.net.HttpClients;
import dev.fluxboot.net.Sleeper;
import dev.fluxboot.ui.Reporter;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything outside the engine that a workflow talks to, built once per process by
 * {@link #create}, the composition root: the Kubernetes connector, the Git client (with the
 * environment's proxies), the forges' API clients, the Flux release bundles (with their cache and
 * download over the environment's proxies), the components generator (with its cache), SSH key
 * generation, the clock and the sleeper. Tests build one with real parts inside and fakes only at
 * the boundary (a fixed clock, a recording sleeper).
 *
 * @param pollInterval how often waits read the objects they wait for
 */
public record World(ClusterConnector clusters, GitClient git, ForgeConnector forges, BundleLocator bundles,
                    ComponentsGenerator generator, SshKeyGenerator keys, Clock clock, Sleeper sleeper,
                    Duration pollInterval, Map<String, String> environment) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    public World {
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(forges, "forges");
        Objects.requireNonNull(bundles, "bundles");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(pollInterval, "pollInterval");
        environment = Map.copyOf(environment);
    }

    /**
     * The real world of a process whose environment variables are {@code env} ({@code KUBECONFIG},
     * {@code HOME}, {@code HTTPS_PROXY}/{@code NO_PROXY}, {@code SSL_CERT_FILE}, the cache folders).
     * Nothing connects yet.
     */
    public static World create(Map<String, String> env, Reporter reporter) {
        HttpClients http = HttpClients.fromEnvironment(env);
        return new World(KubeClusters.connector(env), new JGitClient(http.proxySelector(), ScratchSpace.inTemp()), World::connectForge,
                new BundleLocator(env, reporter, new EmbeddedBundle(World.class.getClassLoader()), http),
                ComponentsGenerator.withCache(env), new SshKeyGenerator(), Clock.systemUTC(), Sleeper.threadSleep(),
                DEFAULT_POLL_INTERVAL, env);
    }

    public World withClock(Clock value) {
        return new World(clusters, git, forges, bundles, generator, keys, value, sleeper, pollInterval, environment);
    }

    public World withSleeper(Sleeper value) {
        return new World(clusters, git, forges, bundles, generator, keys, clock, value, pollInterval, environment);
    }

    public World withClusters(ClusterConnector value) {
        return new World(value, git, forges, bundles, generator, keys, clock, sleeper, pollInterval, environment);
    }

    public World withForges(ForgeConnector value) {
        return new World(clusters, git, value, bundles, generator, keys, clock, sleeper, pollInterval, environment);
    }

    /** The same world, its Git copies kept in {@code scratch} (proxies as before). */
    public World withScratch(ScratchSpace scratch) {
        return new World(clusters, new JGitClient(EnvProxySelector.fromEnvironment(environment), scratch), forges, bundles,
                generator, keys, clock, sleeper, pollInterval, environment);
    }

    public World withPollInterval(Duration value) {
        return new World(clusters, git, forges, bundles, generator, keys, clock, sleeper, value, environment);
    }

    private static GitHost connectForge(Forge forge, dev.fluxboot.githost.ForgeConnection connection, String username) {
        return switch (forge) {
            case GITHUB -> GitHubHost.connect(connection);
            case GITLAB -> GitLabHost.connect(connection);
            case GITEA -> GiteaHost.connect(connection);
            case BITBUCKET_SERVER -> BitbucketServerHost.connect(new BitbucketServerOptions(connection, username));
        };
    }
}
