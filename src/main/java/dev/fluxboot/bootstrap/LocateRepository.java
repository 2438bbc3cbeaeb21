package dev.fluxboot.bootstrap;

import java.util.Optional;
import java.util.Set;

import static dev.fluxboot.bootstrap.Products.BOOTSTRAP;
import static dev.fluxboot.bootstrap.Products.REPOSITORY;

/** Plain Git: the repository is where {@code --url} says. */
final class LocateRepository implements Step {

    @Override
    public String name() {
        return "locate repository";
    }

    @Override
    public Set<Product<?>> needs() {
        return Set.of(BOOTSTRAP);
    }

    @Override
    public Set<Product<?>> makes() {
        return Set.of(REPOSITORY);
    }

    @Override
    public void run(Run run) {
        run.put(REPOSITORY, new RepositoryLocation(run.get(BOOTSTRAP).target().url(), Optional.empty()));
    }
}
