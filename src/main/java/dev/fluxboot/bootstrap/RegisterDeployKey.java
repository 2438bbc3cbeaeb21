package dev.fluxboot.bootstrap;

import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.githost.DeployKey;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.RemoteRepository;

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

    private static String title(BootstrapContext context) {
        SyncTarget target = context.request().target();
        // The title the Flux CLI gives the key, so either tool finds the other's: it calls
        // deployKeyName(namespace, branch, secretName, path), the path as its flag holds it
        // ("./<path>", nothing for the root), e.g. flux-system-main-flux-system-./clusters/prod.
        return DeployKey.title(context.namespace(), target.branch(), target.secretName(),
                target.path().isEmpty() ? "" : "./" + target.path());
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
        ReconcileRepository.report(context, host.ensureDeployKey(repository,
                new DeployKey(title, key.authorizedKey(), readOnly), false));
        context.reporter().success("configured deploy key \"" + title + "\" for \"" + repository.sshUrl() + "\"");
    }
}
