package dev.fluxboot.bootstrap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The live object holds the desired spec when every desired field is there with its value; defaults may add more. */
class AppliedByFluxTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        Map<String, Object> desired = Map.of("interval", "1m0s", "ref", Map.of("branch", "main"),
                "secretRef", Map.of("name", "flux-system"), "url", "ssh://git@example.com/fleet");
        return Stream.of(
                arguments("the same", desired, desired, true),
                arguments("defaults added by the API server", Map.of("interval", "1m0s", "ref", Map.of("branch", "main"),
                        "secretRef", Map.of("name", "flux-system"), "url", "ssh://git@example.com/fleet",
                        "timeout", "60s"), desired, true),
                arguments("a value edited", Map.of("interval", "7m", "ref", Map.of("branch", "main"),
                        "secretRef", Map.of("name", "flux-system"), "url", "ssh://git@example.com/fleet"), desired, false),
                arguments("a nested value edited", Map.of("interval", "1m0s", "ref", Map.of("branch", "dev"),
                        "secretRef", Map.of("name", "flux-system"), "url", "ssh://git@example.com/fleet"), desired, false),
                arguments("a field missing", Map.of("interval", "1m0s", "ref", Map.of("branch", "main"),
                        "url", "ssh://git@example.com/fleet"), desired, false),
                arguments("no spec", null, desired, false),
                arguments("a number as the API server's JSON gives it", Map.of("retries", 3), Map.of("retries", 3L), true),
                arguments("a list of another length", Map.of("ignore", List.of("a", "b")), Map.of("ignore", List.of("a")),
                        false),
                arguments("a boolean", Map.of("prune", false), Map.of("prune", true), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void liveHoldsDesired(String name, Object live, Object desired, boolean holds) {
        assertThat(AppliedByFlux.holds(live, desired)).isEqualTo(holds);
    }
}
