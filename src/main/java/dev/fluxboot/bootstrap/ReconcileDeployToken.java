package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.githost.DeployToken;
import dev.fluxboot.githost.DeployTokenHost;
import dev.fluxboot.githost.DeployTokenResult;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.RemoteRepository;

import java.util.Optional;

/**
 * {@code --deploy-token-auth} (GitLab), in step 6 before the source secret is written: the host
 * holds a read-only project deploy token under Flux's name ({@code <ns>-<branch>-<secret>-<path>})
 * whose credentials the source secret carries ({@code username}, {@code password}, and {@code ca.crt}
 * from {@code --ca-file}) instead of the API token. A token's secret can only be read when it is
 * created, so the one named in the existing Secret is kept; otherwise a new one is created and the
 * Secret is rewritten with it.
 */
final class ReconcileDeployToken implements Step<BootstrapContext> {

    @Override
    public String name() {
        return "deploy token";
    }

    @Override
    public void run(BootstrapContext context) {
        GitHost gitHost = context.services().host().orElseThrow();
        if (!(gitHost instanceof DeployTokenHost host)) {
            throw new FluxbootException(gitHost.name() + " has no deploy tokens: drop --deploy-token-auth");
        }
        RemoteRepository repository = context.hostRepository().orElseThrow(
                () -> new IllegalStateException("no repository from the host yet"));
        SyncTarget target = context.request().target();
        Optional<String> secretUsername = FluxObjects.secretData(context.cluster(), context.namespace(),
                        target.secretName())
                .map(data -> data.get(SourceSecret.USERNAME)).filter(name -> !name.isEmpty());
        context.reporter().action("checking to reconcile deploy token for source secret");
        DeployTokenResult result = host.ensureDeployToken(repository, RegisterDeployKey.title(context), secretUsername,
                false);
        ReconcileRepository.report(context, result.changes());
        SourceCredentials credentials = context.credentials();
        // Never the API token: the Secret holds the deploy token, or stays as it is when that is still valid.
        Optional<SourceSecret> secret = result.created().map(token -> secretFor(token, context));
        context.credentials(new SourceCredentials(credentials.remote(), credentials.syncUrl(), secret, Optional.empty()));
        if (result.created().isEmpty()) {
            context.reporter().success("reconciled deploy token for source secret");
        }
    }

    private static SourceSecret secretFor(DeployToken token, BootstrapContext context) {
        SourceSecret secret = SourceSecretGenerator.basic(token.username(), token.token(),
                context.request().auth().caPem());
        if (!secret.data().containsKey(SourceSecret.PASSWORD)) {
            throw new FluxbootException("the deploy token of " + context.hostRepository().map(r -> r.owner() + "/" + r.name())
                    .orElse("the repository") + " came without credentials");
        }
        return secret;
    }
}
