package dev.fluxboot.bootstrap;

import java.util.Objects;

/**
 * The name of something a workflow step makes and later steps use (the fetched branch, the
 * generated components, the cluster connection), typed so that reading it needs no cast. Steps
 * declare the products they need and make; {@link Workflow} refuses an order in which a step needs
 * a product that no earlier step makes, when the workflow is built.
 *
 * @param <T> the value's type
 */
public final class Product<T> {

    private final String name;

    private Product(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public static <T> Product<T> named(String name) {
        return new Product<>(name);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
