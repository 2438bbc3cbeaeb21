package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.cluster.Uninstaller;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.SURVEY;
import static dev.fluxboot.bootstrap.Products.UNINSTALL;

/**
 * Before the question: what belongs to the installation of the namespace. A namespace without Flux
 * (a typo) fails here, and nothing changes; other installations' cluster-scoped objects are not part of it.
 * With {@code --from-git} it goes on to the repository (a re-run after the cluster part finishes the job;
 * the folder it removes is that namespace's only).
 */
final class SurveyInstallation implements Step {

    @Override
    public String name() {
        return "survey installation";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(UNINSTALL, CLUSTER);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(SURVEY);
    }

    @Override
    public void run(Run run) {
        UninstallRequest request = run.get(UNINSTALL);
        Uninstaller.Survey survey = new Uninstaller(run.get(CLUSTER), run.reporter()).survey(request.namespace());
        if (!survey.found() && request.fromGit().isEmpty()) {
            throw new FluxbootException(survey.notFound() + "; nothing was changed: check --namespace");
        }
        run.put(SURVEY, survey);
    }
}
