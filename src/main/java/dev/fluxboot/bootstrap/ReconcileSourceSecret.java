package dev.fluxboot.bootstrap;

import java.util.Optional;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.CLUSTER;
import static dev.fluxboot.bootstrap.Products.CREDENTIALS;

/** Step 6: the source secret in the cluster (never in Git), when the credentials made one. */
final class ReconcileSourceSecret implements Step {

    @Override
    public String name() {
        return "source secret";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP, CLUSTER, CREDENTIALS);
    }

    @Override
    public void run(Run run) {
        BootstrapRequest request = run.get(BOOTSTRAP);
        String subject = request.namespace() + "/" + request.target().secretName();
        run.reporter().action("determining if source secret \"" + subject + "\" exists");
        Optional<SourceSecret> secret = run.get(CREDENTIALS).secret();
        if (secret.isEmpty()) {
            run.reporter().success("source secret up to date");
            return;
        }
        run.reporter().action("applying source secret \"" + subject + "\"");
        run.get(CLUSTER).applySecret(request.namespace(), request.target().secretName(), null, secret.get().data());
        run.reporter().success("reconciled source secret");
    }
}
