package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Uninstaller;

import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.SURVEY;
import static dev.fluxboot.bootstrap.Products.UNINSTALL;
import static dev.fluxboot.bootstrap.Products.UNINSTALL_REPORT;

/** Flux's objects, finalizers, CRDs and (unless kept) namespace deleted; every failure collected. */
final class UninstallFlux implements Step {

    @Override
    public String name() {
        return "uninstall";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(UNINSTALL, CLUSTER, SURVEY, UNINSTALL_REPORT);
    }

    @Override
    public void run(Run run) {
        UninstallRequest request = run.get(UNINSTALL);
        Uninstaller.Survey survey = run.get(SURVEY);
        if (!survey.found()) {
            run.reporter().warning(survey.notFound() + ": nothing to remove from the cluster");
            return;
        }
        run.get(UNINSTALL_REPORT).failAll(new Uninstaller(run.get(CLUSTER), run.reporter())
                .uninstall(run.get(SURVEY), request.keepNamespace(), run.dryRun()));
    }
}
