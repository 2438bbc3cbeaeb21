package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.Cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.COMPONENTS;

/**
 * Server-side applies the generated objects and lists what each one did, as Flux prints it, after moving
 * the objects of CRDs that drop a stored version to the new storage version.
 */
final class ApplyComponents implements Step {

    @Override
    public String name() {
        return "apply components";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(CLUSTER, COMPONENTS);
    }

    @Override
    public void run(Run run) {
        Cluster cluster = run.get(CLUSTER);
        List<Map<String, Object>> objects = run.get(COMPONENTS).objects();
        // the objects of CRDs that drop a stored version move first, reported (apply would do it silently)
        cluster.storageMigration().migrateFor(objects, run.remaining(), run.reporter());
        cluster.apply(objects, run.remaining()).forEach(change -> run.reporter().info(change.toString()));
    }
}
