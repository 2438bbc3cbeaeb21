package dev.fluxboot.bootstrap;

import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.githost.DeployKey;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.RemoteRepository;

import java.util.List;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.CREDENTIALS;
import static dev.fluxboot.bootstrap.Products.FORGE;
import static dev.fluxboot.bootstrap.Products.FORGE_REQUEST;
import static dev.fluxboot.bootstrap.Products.REPOSITORY;

/** Step 6 (forges): the public key of the source secret registered as the repository's deploy key. */
final class RegisterDeployKey implements Step {

    @Override
    public String name() {
        return "deploy key";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, FORGE_REQUEST, FORGE, REPOSITORY, CREDENTIALS);
    }

    @Override
    public void run(Run run) {
        BootstrapRequest request = run.get(BOOTSTRAP);
        SourceCredentials credentials = run.get(CREDENTIALS);
        RemoteRepository repository = run.get(REPOSITORY).onForge().orElseThrow(
                () -> new IllegalStateException("no repository from the forge yet"));
        String title = title(request);
        if (credentials.deployKey().isEmpty()) {
            if (credentials.keyPending()) {
                run.plan().add(PlannedChange.Area.HOST, "deploy key \"" + title + "\" would be added to \""
                        + repository.sshUrl() + "\" (for a new key)\n", 1);
            }
            return; // token auth: no key to register
        }
        SshKeyPair key = credentials.deployKey().get();
        GitHost host = run.get(FORGE);
        boolean readOnly = !run.get(FORGE_REQUEST).readWriteKey();
        DeployKey wanted = new DeployKey(title, key.authorizedKey(), readOnly);
        if (run.dryRun()) {
            ReconcileRepository.report(run, host.ensureDeployKey(repository, wanted, true));
            return;
        }
        run.reporter().action("configuring deploy key");
        List<HostChange> changes = host.ensureDeployKey(repository, wanted, false);
        // The host names what it changed (as Flux: "configured deploy key ..."); a kept key is one line.
        if (changes.isEmpty()) {
            run.reporter().success("deploy key \"" + title + "\" is configured for \"" + repository.sshUrl() + "\"");
        }
        ReconcileRepository.report(run, changes);
    }

    /**
     * The title the Flux CLI gives the key (and a GitLab deploy token), so either tool finds the
     * other's: it calls deployKeyName(namespace, branch, secretName, path), the path as its flag
     * holds it ("./<path>", nothing for the root), e.g. flux-system-main-flux-system-./clusters/prod.
     */
    static String title(BootstrapRequest request) {
        SyncTarget target = request.target();
        return DeployKey.fluxTitle(request.namespace(), target.branch(), target.secretName(), target.path());
    }
}
