package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Uninstaller;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.SURVEY;
import static dev.fluxboot.bootstrap.Products.UNINSTALL;

/**
 * Before the question: what belongs to the installation of the namespace. A namespace without Flux
 * (a typo) fails here, and nothing changes; other installations' cluster-scoped objects are not part of it.
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
        run.put(SURVEY, new Uninstaller(run.get(CLUSTER), run.reporter()).survey(run.get(UNINSTALL).namespace()));
    }
}
