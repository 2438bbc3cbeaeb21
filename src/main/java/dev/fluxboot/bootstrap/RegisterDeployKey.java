package dev.fluxboot.bootstrap;

import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.githost.DeployKey;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.HostChange;
import dev.fluxboot.githost.RemoteRepository;

import java.util.List;

/**
 * The deploy-key half of step 6 for forge commands: the host holds the source secret's public
 * key under Flux's title ({@code <ns>-<branch>-<secret>-<path>}), read-only unless
 * {@code --read-write-key}. Checked on every run, so a key deleted on the host comes back.
 */
final class RegisterDeployKey implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "deploy key";
    }

    @Override
    public void run(BootstrapContext context) {
        SshKeyPair key = context.credentials().deployKey().orElse(null);
        if (key == null && context.newKeyPending()) {
            RemoteRepository repository = context.hostRepository().orElseThrow();
            context.pending().add(1);
            context.reporter().result("deploy key \"" + title(context) + "\" would be added to \""
                    + repository.sshUrl() + "\" (for a new key)\n");
            return;
        }
        if (key == null) {
            return; // token auth: no key to register
        }
        GitHost host = context.services().host().orElseThrow();
        RemoteRepository repository = context.hostRepository().orElseThrow(
                () -> new IllegalStateException("no repository from the host yet"));
        BootstrapRequest request = context.request();
        String title = title(context);
        boolean readOnly = !request.hostRepository().map(HostRepository::readWriteKey).orElse(false);
        if (context.dryRun()) {
            ReconcileRepository.reportPending(context, host.ensureDeployKey(repository,
                    new DeployKey(title, key.authorizedKey(), readOnly), true));
            return;
        }
        context.reporter().action("configuring deploy key");
        List<HostChange> changes = host.ensureDeployKey(repository, new DeployKey(title, key.authorizedKey(), readOnly),
                false);
        // The host names what it changed (as Flux: "configured deploy key ..."); a kept key is one line.
        if (changes.isEmpty()) {
            context.reporter().success("deploy key \"" + title + "\" is configured for \"" + repository.sshUrl() + "\"");
        }
        ReconcileRepository.report(context, changes);
    }

    /**
     * The title the Flux CLI gives the key (and a GitLab deploy token), so either tool finds the
     * other's: it calls deployKeyName(namespace, branch, secretName, path), the path as its flag
     * holds it ("./<path>", nothing for the root), e.g. flux-system-main-flux-system-./clusters/prod.
     */
    static String title(BootstrapContext context) {
        SyncTarget target = context.request().target();
        return DeployKey.fluxTitle(context.namespace(), target.branch(), target.secretName(), target.path());
    }
}
