package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.KubeConnection;
import dev.fluxboot.cluster.Uninstaller;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.manifests.overlay.GeneratedComponents;

import java.util.Optional;

/** The products the workflows' steps pass on, by name. */
public final class Products {

    /** Input: which cluster, as whom. */
    public static final Product<KubeConnection> CONNECTION = Product.named("cluster to connect to");
    /** Input of forge workflows: the forge and what is asked of it. */
    public static final Product<ForgeRequest> FORGE_REQUEST = Product.named("forge request");
    /** Input: the install request (also the install part of a bootstrap). */
    public static final Product<InstallRequest> INSTALL = Product.named("install request");
    /** Input: the bootstrap request. */
    public static final Product<BootstrapRequest> BOOTSTRAP = Product.named("bootstrap request");
    /** Input: the uninstall request. */
    public static final Product<UninstallRequest> UNINSTALL = Product.named("uninstall request");
    /** Input: where an uninstall collects what failed, one line each, to report them all at the end. */
    public static final Product<UninstallReport> UNINSTALL_REPORT = Product.named("uninstall report");

    /** What an uninstall found of the installation to remove (none: nothing is changed). */
    public static final Product<Uninstaller.Survey> SURVEY = Product.named("installation survey");

    public static final Product<Cluster> CLUSTER = Product.named("cluster connection");
    public static final Product<Bundle> BUNDLE = Product.named("release bundle");
    public static final Product<GeneratedComponents> COMPONENTS = Product.named("component manifests");
    public static final Product<GitHost> FORGE = Product.named("forge client");
    public static final Product<RepositoryLocation> REPOSITORY = Product.named("repository location");
    public static final Product<SourceCredentials> CREDENTIALS = Product.named("source credentials");
    public static final Product<RemoteBranch> BRANCH = Product.named("fetched branch");
    /** The branch's tip as fetched, before any commit of this run; empty for a new history. */
    public static final Product<Optional<String>> FETCHED_TIP = Product.named("fetched tip");

    /** What the cluster says of the bootstrap in the request's namespace. */
    public static final Product<SyncSurvey> SYNC_SURVEY = Product.named("sync survey");
    /** {@code uninstall --from-git git}: how the tool reaches the repository (read before the uninstall deletes the Secret). */
    public static final Product<GitRemote> REMOVAL_REMOTE = Product.named("remote to remove the Flux folder from");

    private Products() {
    }
}
