package dev.fluxboot.cli;

import dev.fluxboot.Main;
import dev.fluxboot.api.BootstrapSpec;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bootstrap's flags before the provider word, as cobra's persistent flags are: the same spec wherever they stand. */
class BootstrapPersistentFlagsTest {

    private static BootstrapSpec parse(String arguments) {
        String[] args = arguments.split(" ");
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CommandLine commandLine = Main.commandLine(sink, sink, Map.of(), Prompter.none(), java.util.Optional.of(List.of(args)),
                dev.fluxboot.api.Cancellation.none());
        ParseResult parsed = commandLine.parseArgs(BootstrapCommand.providerFirst(commandLine, args));
        FluxbootCommand root = commandLine.getCommand();
        BootstrapGitCommand git = parsed.subcommand().subcommand().commandSpec().commandLine().getCommand();
        return git.spec(root.globals(), Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "bootstrap git --url=ssh://git@example.com/fleet.git --branch dev --path clusters/prod --silent -n flux",
            "bootstrap --version=v2.9.4 --branch dev git --url=ssh://git@example.com/fleet.git --path clusters/prod --silent -n flux",
            "bootstrap --branch=dev --silent -n flux --path clusters/prod git --url=ssh://git@example.com/fleet.git",
            // a flag value that is a provider's name is a value, not the provider word
            "bootstrap --path clusters/prod --branch dev -n flux --silent git --url=ssh://git@example.com/fleet.git",
            "bootstrap --sparse-checkout=clusters,apps --branch dev git --url=ssh://git@example.com/fleet.git --path clusters/prod --silent -n flux",
            "bootstrap git --sparse-checkout clusters --sparse-checkout apps --url=ssh://git@example.com/fleet.git --branch dev --path clusters/prod --silent -n flux"})
    void theFlagsMeanTheSameBeforeOrAfterTheProviderWord(String arguments) {
        BootstrapSpec spec = parse(arguments);

        assertThat(spec.url()).contains("ssh://git@example.com/fleet.git");
        assertThat(spec.branch()).isEqualTo("dev");
        assertThat(spec.path()).isEqualTo("clusters/prod");
        assertThat(spec.silent()).isTrue();
        assertThat(spec.install().namespace()).isEqualTo("flux");
        if (arguments.contains("--sparse-checkout")) {
            assertThat(spec.sparseCheckout()).containsExactly("clusters", "apps");
        }
        if (arguments.contains("--version")) {
            assertThat(spec.install().components().version()).contains("v2.9.4");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bootstrap --branch git git --url=ssh://git@example.com/fleet.git --path p"})
    void aValueNamedLikeAProviderStaysAValue(String arguments) {
        assertThat(parse(arguments).branch()).isEqualTo("git");
    }
}
