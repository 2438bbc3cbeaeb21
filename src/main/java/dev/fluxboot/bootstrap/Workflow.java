package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;

import java.util.List;

/**
 * Named steps run in order over one context, stopping at the first failure. A
 * {@link FluxbootException} from a step goes up as it is (its message is already written for
 * the user); anything else is wrapped so the message names the step that failed.
 *
 * @param <C> the context the steps share
 */
public final class Workflow<C extends WorkflowContext> {

    private final String name;
    private final List<Step<C>> steps;

    public Workflow(String name, List<Step<C>> steps) {
        this.name = name;
        this.steps = List.copyOf(steps);
    }

    public String name() {
        return name;
    }

    /** The step names in order, e.g. for tests and {@code --verbose}. */
    public List<String> stepNames() {
        return steps.stream().map(Step::name).toList();
    }

    public void run(C context) {
        int number = 0;
        for (Step<C> step : steps) {
            number++;
            if (context.verbose()) {
                context.reporter().info(name + " step " + number + "/" + steps.size() + ": " + step.name());
            }
            try {
                step.run(context);
            } catch (FluxbootException e) {
                throw e;
            } catch (RuntimeException e) {
                String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new FluxbootException(name + " failed at step '" + step.name() + "': " + detail, e);
            }
        }
    }
}
