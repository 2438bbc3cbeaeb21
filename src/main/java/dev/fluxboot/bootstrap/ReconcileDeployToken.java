package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.githost.DeployToken;
import dev.fluxboot.githost.DeployTokenHost;
import dev.fluxboot.githost.DeployTokenResult;
import dev.fluxboot.githost.GitHost;
import dev.fluxboot.githost.RemoteRepository;

import java.util.Optional;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.CREDENTIALS;
import static dev.fluxboot.bootstrap.Products.FORGE;
import static dev.fluxboot.bootstrap.Products.REPOSITORY;

/**
 * {@code --deploy-token-auth} (GitLab): the cluster fetches with a project deploy token, created when
 * the source secret does not hold a valid one; the source secret becomes that token, never the API token.
 */
final class ReconcileDeployToken implements Step {

    @Override
    public String name() {
        return "deploy token";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, FORGE, REPOSITORY, CLUSTER, CREDENTIALS);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(CREDENTIALS);
    }

    @Override
    public void run(Run run) {
        GitHost gitHost = run.get(FORGE);
        if (!(gitHost instanceof DeployTokenHost host)) {
            throw new FluxbootException(gitHost.name() + " has no deploy tokens: drop --deploy-token-auth");
        }
        BootstrapRequest request = run.get(BOOTSTRAP);
        RemoteRepository repository = run.get(REPOSITORY).onForge().orElseThrow(
                () -> new IllegalStateException("no repository from the forge yet"));
        Optional<String> secretUsername = SourceSecrets.secretData(run.get(CLUSTER), request.namespace(),
                        request.target().secretName())
                .map(data -> data.get(SourceSecret.USERNAME)).filter(name -> !name.isEmpty());
        run.reporter().action("checking to reconcile deploy token for source secret");
        DeployTokenResult result = host.ensureDeployToken(repository, RegisterDeployKey.title(request), secretUsername,
                false);
        ReconcileRepository.report(run, result.changes());
        // Never the API token: the Secret holds the deploy token, or stays as it is when that is still valid.
        Optional<SourceSecret> secret = result.created().map(token -> secretFor(token, request, repository));
        run.put(CREDENTIALS, run.get(CREDENTIALS).withTokenSecret(secret));
        if (result.created().isEmpty()) {
            run.reporter().success("reconciled deploy token for source secret");
        }
    }

    private static SourceSecret secretFor(DeployToken token, BootstrapRequest request, RemoteRepository repository) {
        SourceSecret secret = SourceSecretGenerator.basic(token.username(), token.token(), request.auth().caPem());
        if (!secret.data().containsKey(SourceSecret.PASSWORD)) {
            throw new FluxbootException("the deploy token of " + repository.owner() + "/" + repository.name()
                    + " came without credentials");
        }
        return secret;
    }
}
