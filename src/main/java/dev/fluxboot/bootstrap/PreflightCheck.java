package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.ui.Reporter;

/**
 * A look at the cluster before anything changes ({@code check --pre}: the Kubernetes version
 * Flux needs). It warns through the reporter, or throws a {@link dev.fluxboot.FluxbootException}
 * to stop the bootstrap before Git or the cluster are touched.
 */
@FunctionalInterface
public interface PreflightCheck {

    void check(Cluster cluster, Reporter reporter);
}
