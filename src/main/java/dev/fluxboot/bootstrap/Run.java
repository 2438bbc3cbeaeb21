package dev.fluxboot.bootstrap;

import dev.fluxboot.CancelledException;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.GoDuration;
import dev.fluxboot.ui.Prompter;
import dev.fluxboot.ui.Reporter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One run of a workflow: the outside world, where to report, how long it may take, whether it is a
 * dry run, and the products its steps make. A step reads only the products it declared it needs and
 * puts only those it declared it makes (a programming error otherwise, caught by the tests). Closing
 * the run closes the products that hold resources (the local copy of the branch, the cluster
 * connection), the last made first.
 */
public final class Run implements AutoCloseable {

    private final String name;
    private final World world;
    private final Reporter reporter;
    private final Prompter prompter;
    private final Duration timeout;
    private final Instant deadline;
    private final boolean dryRun;
    private final boolean verbose;
    private final BooleanSupplier cancelled;
    private final PlanRecorder plan = new PlanRecorder();
    private final Map<Product<?>, Object> products = new IdentityHashMap<>();
    private final List<Object> madeInOrder = new ArrayList<>();
    private Step running;

    private Run(Builder builder) {
        this.name = builder.name;
        this.world = Objects.requireNonNull(builder.world, "world");
        this.reporter = Objects.requireNonNull(builder.reporter, "reporter");
        this.prompter = builder.prompter;
        this.timeout = builder.timeout;
        this.deadline = world.clock().instant().plus(timeout);
        this.dryRun = builder.dryRun;
        this.verbose = builder.verbose;
        this.cancelled = builder.cancelled;
        builder.input.forEach((product, value) -> {
            products.put(product, value);
            madeInOrder.add(value);
        });
    }

    public static Builder builder(String name, World world, Reporter reporter) {
        return new Builder(name, world, reporter);
    }

    public World world() {
        return world;
    }

    public Reporter reporter() {
        return reporter;
    }

    public Prompter prompter() {
        return prompter;
    }

    public Clock clock() {
        return world.clock();
    }

    /** {@code --dry-run}: nothing is pushed, applied or registered; the steps record what would be. */
    public boolean dryRun() {
        return dryRun;
    }

    /** {@code --verbose}. */
    public boolean verbose() {
        return verbose;
    }

    /** What a dry run found would change. */
    public PlanRecorder plan() {
        return plan;
    }

    public Duration timeout() {
        return timeout;
    }

    public Instant deadline() {
        return deadline;
    }

    /** What is left of {@code --timeout}; asking after the deadline fails naming the flag. */
    public Duration remaining() {
        Duration left = Duration.between(clock().instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new FluxbootException(name + " did not finish within --timeout=" + GoDuration.format(timeout)
                    + ": raise it, e.g. --timeout=10m, and re-run");
        }
        return left;
    }

    /** Pauses through the world's sleeper; a cancellation ends the pause and the run. */
    public void sleep(Duration duration) {
        checkCancelled();
        try {
            world.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException(name, e);
        }
        checkCancelled();
    }

    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    /** Throws {@link CancelledException} when the run was cancelled. */
    public void checkCancelled() {
        if (cancelled()) {
            throw new CancelledException(name, null);
        }
    }

    /** A product the running step declared it needs. */
    @SuppressWarnings("unchecked")
    public <T> T get(Product<T> product) {
        if (running != null && !running.needs().contains(product) && !running.makes().contains(product)) {
            throw new IllegalStateException("step '" + running.name() + "' reads " + product
                    + " without declaring that it needs it");
        }
        if (!products.containsKey(product)) {
            throw new IllegalStateException("no " + product + " in this run: the step that makes it did not run");
        }
        return (T) products.get(product);
    }

    /** Puts a product the running step declared it makes; a product made again replaces the first. */
    public <T> void put(Product<T> product, T value) {
        if (running != null && !running.makes().contains(product)) {
            throw new IllegalStateException("step '" + running.name() + "' makes " + product
                    + " without declaring it");
        }
        Object previous = products.put(product, Objects.requireNonNull(value, product.name()));
        if (previous != null && previous != value) {
            madeInOrder.remove(previous);
            closeQuietly(previous);
        }
        madeInOrder.add(value);
    }

    void requireInput(Set<Product<?>> input) {
        for (Product<?> product : input) {
            if (!products.containsKey(product)) {
                throw new IllegalStateException("workflow '" + name + "' is run without its input " + product);
            }
        }
    }

    void enter(Step step) {
        running = step;
    }

    void leave() {
        running = null;
    }

    @Override
    public void close() {
        List<Object> reversed = new ArrayList<>(madeInOrder);
        Collections.reverse(reversed);
        RuntimeException first = null;
        for (Object value : reversed) {
            try {
                if (value instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            } catch (Exception e) {
                first = first == null ? new IllegalStateException(e) : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void closeQuietly(Object value) {
        if (value instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // replaced by a fresh one; nothing the user can act on
            }
        }
    }

    /** How a run is set up; the input products are those its workflow declares. */
    public static final class Builder {
        private final String name;
        private final World world;
        private final Reporter reporter;
        private Prompter prompter = Prompter.none();
        private Duration timeout = Duration.ofMinutes(5);
        private boolean dryRun;
        private boolean verbose;
        private BooleanSupplier cancelled = () -> false;
        private final Map<Product<?>, Object> input = new IdentityHashMap<>();

        private Builder(String name, World world, Reporter reporter) {
            this.name = name;
            this.world = world;
            this.reporter = reporter;
        }

        public Builder prompter(Prompter value) {
            this.prompter = Objects.requireNonNull(value, "prompter");
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        public Builder verbose(boolean value) {
            this.verbose = value;
            return this;
        }

        public Builder cancelled(BooleanSupplier value) {
            this.cancelled = Objects.requireNonNull(value, "cancelled");
            return this;
        }

        public <T> Builder input(Product<T> product, T value) {
            input.put(product, Objects.requireNonNull(value, product.name()));
            return this;
        }

        public Run build() {
            return new Run(this);
        }
    }
}
