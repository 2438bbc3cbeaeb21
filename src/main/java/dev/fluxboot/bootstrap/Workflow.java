package dev.fluxboot.bootstrap;

import dev.fluxboot.CancelledException;
import dev.fluxboot.ui.Failures;
import dev.fluxboot.FluxbootException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Named steps run in order over one {@link Run}, stopping at the first failure. Built with the
 * products its caller gives; a step that needs a product that neither the input nor an earlier
 * step makes is refused here, when the workflow is built, rather than half-way through a run.
 *
 * <p>A {@link FluxbootException} from a step goes up as it is (its message is already written for
 * the user); anything else is wrapped so that the message names the step that failed. A run that
 * was cancelled stops before its next step, and a failure caused by the cancellation is reported
 * as {@link CancelledException}.
 */
public final class Workflow {

    private final String name;
    private final List<Step> steps;
    private final Set<Product<?>> input;

    /**
     * @param input the products the caller puts into the run before the first step
     * @throws IllegalStateException when a step needs a product nothing before it makes
     */
    public Workflow(String name, Set<Product<?>> input, List<Step> steps) {
        this.name = name;
        this.steps = List.copyOf(steps);
        this.input = Set.copyOf(input);
        Set<Product<?>> available = new HashSet<>(input);
        for (Step step : this.steps) {
            List<String> missing = new ArrayList<>();
            for (Product<?> needed : step.needs()) {
                if (!available.contains(needed)) {
                    missing.add(needed.name());
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("workflow '" + name + "': step '" + step.name() + "' needs "
                        + String.join(", ", missing) + ", which no earlier step makes");
            }
            available.addAll(step.makes());
        }
    }

    public String name() {
        return name;
    }

    /** The step names in order, e.g. for tests and {@code --verbose}. */
    public List<String> stepNames() {
        return steps.stream().map(Step::name).toList();
    }

    /** The products the run must hold before the first step. */
    public Set<Product<?>> input() {
        return input;
    }

    public void run(Run run) {
        run.requireInput(input);
        int number = 0;
        long started = run.clock().millis();
        for (Step step : steps) {
            number++;
            run.checkCancelled();
            if (run.verbose()) {
                // The time since the workflow started, so that --verbose shows where a slow run spends it.
                run.reporter().info(name + " step " + number + "/" + steps.size() + " at "
                        + (run.clock().millis() - started) + " ms: " + step.name());
            }
            run.enter(step);
            try {
                step.run(run);
            } catch (FluxbootException e) {
                throw run.cancelled() ? new CancelledException(name, e) : e;
            } catch (RuntimeException e) {
                if (run.cancelled()) {
                    throw new CancelledException(name, e);
                }
                String detail = Failures.reason(e);
                throw new FluxbootException(name + " failed at step '" + step.name() + "': " + detail, e);
            } finally {
                run.leave();
            }
        }
        if (run.verbose()) {
            run.reporter().info(name + " done at " + (run.clock().millis() - started) + " ms");
        }
    }
}
