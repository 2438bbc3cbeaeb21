package dev.fluxboot.bootstrap;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.ConsoleReporter;
import dev.fluxboot.ui.Reporter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Reporter reporter = new ConsoleReporter(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8), false);

    /** A context that records which steps ran. */
    private final class Trail implements WorkflowContext {
        final List<String> ran = new ArrayList<>();
        final boolean verbose;

        Trail(boolean verbose) {
            this.verbose = verbose;
        }

        @Override
        public Reporter reporter() {
            return reporter;
        }

        @Override
        public boolean verbose() {
            return verbose;
        }
    }

    private static Step<Trail> step(String name, Consumer<Trail> body) {
        return new Step<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Trail context) {
                context.ran.add(name);
                body.accept(context);
            }
        };
    }

    @Test
    void runsStepsInOrder() {
        Trail trail = new Trail(false);
        Workflow<Trail> workflow = new Workflow<>("demo", List.of(step("one", t -> { }), step("two", t -> { }),
                step("three", t -> { })));

        workflow.run(trail);

        assertThat(trail.ran).containsExactly("one", "two", "three");
        assertThat(workflow.stepNames()).containsExactly("one", "two", "three");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void stopsAtTheFirstFailureAndKeepsAFluxbootMessageAsItIs() {
        Trail trail = new Trail(false);
        FluxbootException failure = new FluxbootException("the cluster said no");
        Workflow<Trail> workflow = new Workflow<>("demo", List.of(step("one", t -> { }),
                step("two", t -> { throw failure; }), step("three", t -> { })));

        assertThatThrownBy(() -> workflow.run(trail)).isSameAs(failure);
        assertThat(trail.ran).containsExactly("one", "two");
    }

    @Test
    void wrapsAnUnexpectedFailureNamingTheStep() {
        Trail trail = new Trail(false);
        IllegalStateException bug = new IllegalStateException("no objects");
        Workflow<Trail> workflow = new Workflow<>("demo", List.of(step("apply components", t -> { throw bug; })));

        assertThatThrownBy(() -> workflow.run(trail))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("demo failed at step 'apply components': no objects")
                .hasCause(bug);
    }

    @Test
    void verboseNamesEachStepOnStderr() {
        Trail trail = new Trail(true);
        new Workflow<>("demo", List.of(step("one", t -> { }), step("two", t -> { }))).run(trail);

        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("demo step 1/2: one", "demo step 2/2: two");
    }
}
