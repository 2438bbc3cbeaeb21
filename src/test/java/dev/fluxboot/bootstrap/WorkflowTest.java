package dev.fluxboot.bootstrap;

import dev.fluxboot.CancelledException;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.testing.ManualClock;
import dev.fluxboot.testing.RecordingReporter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowTest {

    private static final Product<String> WORD = Product.named("word");
    private static final Product<String> SHOUT = Product.named("shout");
    private static final Product<Integer> LENGTH = Product.named("length");

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> ran = new ArrayList<>();
    private final World world = World.create(Map.of(), reporter)
            .withClock(Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));

    private Step step(String name, Set<Product<?>> needs, Set<Product<?>> makes, Consumer<Run> body) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Product<?>> needs() {
                return needs;
            }

            @Override
            public Set<Product<?>> makes() {
                return makes;
            }

            @Override
            public void run(Run run) {
                ran.add(name);
                body.accept(run);
            }
        };
    }

    private Run run(boolean verbose) {
        return Run.builder("demo", world, reporter).verbose(verbose).input(WORD, "flux").build();
    }

    @Test
    void stepsRunInOrderAndPassTheirProductsOn() {
        Workflow workflow = new Workflow("demo", Set.of(WORD), List.of(
                step("shout", Set.of(WORD), Set.of(SHOUT), run -> run.put(SHOUT, run.get(WORD).toUpperCase())),
                step("count", Set.of(SHOUT), Set.of(LENGTH), run -> run.put(LENGTH, run.get(SHOUT).length()))));

        try (Run run = run(false)) {
            workflow.run(run);

            assertThat(ran).containsExactly("shout", "count");
            assertThat(run.get(SHOUT)).isEqualTo("FLUX");
            assertThat(run.get(LENGTH)).isEqualTo(4);
        }
        assertThat(workflow.stepNames()).containsExactly("shout", "count");
    }

    @Test
    void aStepThatNeedsWhatNoEarlierStepMakesIsRefusedWhenTheWorkflowIsBuilt() {
        List<Step> steps = List.of(
                step("count", Set.of(SHOUT), Set.of(LENGTH), run -> { }),
                step("shout", Set.of(WORD), Set.of(SHOUT), run -> { }));

        assertThatThrownBy(() -> new Workflow("demo", Set.of(WORD), steps))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("workflow 'demo': step 'count' needs shout, which no earlier step makes");
        assertThat(ran).isEmpty();
    }

    @Test
    void aStepThatReadsOrMakesWhatItDidNotDeclareFailsNamingIt() {
        Workflow reads = new Workflow("demo", Set.of(WORD), List.of(step("sneaky", Set.of(), Set.of(),
                run -> run.get(WORD))));
        Workflow makes = new Workflow("demo", Set.of(WORD), List.of(step("sneaky", Set.of(WORD), Set.of(),
                run -> run.put(SHOUT, "X"))));

        try (Run run = run(false)) {
            assertThatThrownBy(() -> reads.run(run)).hasMessageContaining("step 'sneaky' reads word without declaring");
        }
        try (Run run = run(false)) {
            assertThatThrownBy(() -> makes.run(run)).hasMessageContaining("step 'sneaky' makes shout without declaring");
        }
    }

    @Test
    void stopsAtTheFirstFailureAndKeepsAFluxbootMessageAsItIs() {
        FluxbootException failure = new FluxbootException("the cluster said no");
        Workflow workflow = new Workflow("demo", Set.of(), List.of(step("one", Set.of(), Set.of(), run -> { }),
                step("two", Set.of(), Set.of(), run -> { throw failure; }),
                step("three", Set.of(), Set.of(), run -> { })));

        try (Run run = run(false)) {
            assertThatThrownBy(() -> workflow.run(run)).isSameAs(failure);
        }
        assertThat(ran).containsExactly("one", "two");
    }

    @Test
    void wrapsAnUnexpectedFailureNamingTheStep() {
        IllegalStateException bug = new IllegalStateException("no objects");
        Workflow workflow = new Workflow("demo", Set.of(), List.of(step("apply components", Set.of(), Set.of(),
                run -> { throw bug; })));

        try (Run run = run(false)) {
            assertThatThrownBy(() -> workflow.run(run))
                    .isInstanceOf(FluxbootException.class)
                    .hasMessage("demo failed at step 'apply components': no objects")
                    .hasCause(bug);
        }
    }

    @Test
    void verboseNamesEachStepAndWhenItStarted() {
        ManualClock clock = ManualClock.at("2026-12-04T10:00:00Z");
        World timed = world.withClock(clock).withSleeper(clock.sleeper());
        Workflow workflow = new Workflow("demo", Set.of(), List.of(
                step("one", Set.of(), Set.of(), run -> clock.advance(Duration.ofMillis(1250))),
                step("two", Set.of(), Set.of(), run -> clock.advance(Duration.ofMillis(40)))));

        try (Run run = Run.builder("demo", timed, reporter).verbose(true).input(WORD, "flux").build()) {
            workflow.run(run);
        }

        assertThat(reporter.lines()).containsExactly("demo step 1/2 at 0 ms: one", "demo step 2/2 at 1250 ms: two",
                "demo done at 1290 ms");
    }

    @Test
    void aCancelledRunStopsBeforeItsNextStep() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Workflow workflow = new Workflow("demo", Set.of(), List.of(
                step("one", Set.of(), Set.of(), run -> cancelled.set(true)),
                step("two", Set.of(), Set.of(), run -> { })));

        try (Run run = Run.builder("demo", world, reporter).cancelled(cancelled::get).build()) {
            assertThatThrownBy(() -> workflow.run(run)).isInstanceOf(CancelledException.class)
                    .hasMessage("demo cancelled: stopped before it finished; re-run the same command to finish it");
        }
        assertThat(ran).containsExactly("one");
    }

    @Test
    void closingTheRunClosesWhatItsStepsMadeTheLastFirst() {
        Product<AutoCloseable> first = Product.named("first");
        Product<AutoCloseable> second = Product.named("second");
        List<String> closed = new ArrayList<>();
        Workflow workflow = new Workflow("demo", Set.of(), List.of(
                step("open", Set.of(), Set.of(first, second), run -> {
                    run.put(first, () -> closed.add("first"));
                    run.put(second, () -> closed.add("second"));
                })));

        try (Run run = run(false)) {
            workflow.run(run);
        }

        assertThat(closed).containsExactly("second", "first");
    }

    @Test
    void theDeadlineComesFromTheTimeoutOnTheRunsClockAndSleepsMoveNoWallClock() {
        ManualClock clock = ManualClock.at("2026-12-04T10:00:00Z");
        World timed = world.withClock(clock).withSleeper(clock.sleeper());

        try (Run run = Run.builder("bootstrap", timed, reporter).timeout(Duration.ofMinutes(2)).build()) {
            assertThat(run.deadline()).isEqualTo(Instant.parse("2026-12-04T10:02:00Z"));
            run.sleep(Duration.ofSeconds(90));
            assertThat(run.remaining()).isEqualTo(Duration.ofSeconds(30));
            run.sleep(Duration.ofSeconds(30));

            assertThatThrownBy(run::remaining).isInstanceOf(FluxbootException.class)
                    .hasMessage("bootstrap did not finish within --timeout=2m0s: raise it, e.g. --timeout=10m, and re-run");
        }
        assertThat(clock.pauses()).containsExactly(Duration.ofSeconds(90), Duration.ofSeconds(30));
    }
}
