package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.git.GitAuth;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.git.GitUrl;
import dev.fluxboot.git.TlsTrust;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.RemoteRepository;
import dev.fluxboot.githost.RepositoryResult;
import dev.fluxboot.githost.RepositorySpec;

import java.util.List;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.FORGE;
import static dev.fluxboot.bootstrap.Products.FORGE_REQUEST;
import static dev.fluxboot.bootstrap.Products.UNINSTALL;
import static dev.fluxboot.bootstrap.Products.UNINSTALL_REPORT;

/**
 * {@code uninstall --from-git <forge>}: the repository looked up (never created or changed), the
 * cluster's folder removed over HTTPS with the token (unless it is to be kept), and the cluster's
 * deploy key deleted; other clusters' folders and keys stay. Each failure is collected and the rest still tried.
 */
final class RemoveFromForge implements Step {

    @Override
    public String name() {
        return "remove from forge";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(UNINSTALL, FORGE_REQUEST, FORGE, UNINSTALL_REPORT);
    }

    @Override
    public void run(Run run) {
        UninstallRequest.FromGit fromGit = run.get(UNINSTALL).fromGit().orElseThrow();
        UninstallRequest.ForgeRemoval removal = fromGit.forge().orElseThrow();
        ForgeRequest forge = run.get(FORGE_REQUEST);
        GitHost host = run.get(FORGE);
        UninstallReport report = run.get(UNINSTALL_REPORT);
        RemoteRepository repository;
        try {
            repository = existing(host, removal.spec());
        } catch (FluxbootException e) {
            report.fail(e.getMessage());
            return;
        }
        if (!removal.keepFolder()) {
            try {
                String caPem = forge.connection().caFile().map(TlsTrust::readCaFile).orElse(null);
                GitRemote remote = new GitRemote(GitUrl.parse(repository.httpsCloneUrl()),
                        new GitAuth.Basic(removal.gitUsername(), forge.connection().token()),
                        run.world().git().transport().withCaCertificates(caPem));
                FolderRemoval.remove(run, remote, fromGit);
            } catch (FluxbootException e) {
                report.fail(e.getMessage());
            }
        }
        try {
            deleteDeployKey(run, host, repository, removal.deployKeyTitle());
        } catch (FluxbootException e) {
            report.fail(e.getMessage());
        }
    }

    /**
     * The repository as the forge reports it. A dry run of step 1 without reconciling changes
     * nothing on an existing repository, so any change it lists means the repository is missing.
     */
    private static RemoteRepository existing(GitHost host, RepositorySpec spec) {
        RepositoryResult result = host.reconcileRepository(spec, true);
        if (!result.changes().isEmpty()) {
            throw new FluxbootException("repository " + spec.owner() + "/" + spec.name() + " was not found on the host: "
                    + "check --owner, --repository and --personal (nothing was removed from Git)");
        }
        return result.repository();
    }

    private static void deleteDeployKey(Run run, GitHost host, RemoteRepository repository, String title) {
        List<HostChange> changes = host.deleteDeployKey(repository, title, run.dryRun());
        if (changes.isEmpty()) {
            run.reporter().success("no deploy key \"" + title + "\" on \"" + repository.httpsCloneUrl()
                    + "\": nothing to delete");
        }
        for (HostChange change : changes) {
            if (change.warning()) {
                throw new FluxbootException(change.description());
            }
            if (run.dryRun()) {
                run.plan().add(PlannedChange.Area.HOST, change.description(), 1);
            } else {
                run.reporter().success(change.description());
            }
        }
    }
}
