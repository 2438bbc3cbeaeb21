package dev.fluxboot.cli;

import dev.fluxboot.Main;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's {@code --help} shows its examples line by line as written, however long: a
 * copied example must run. Walks the whole command tree.
 */
class HelpExamplesTest {

    @Test
    void everyExampleLineIsPrintedWhole() {
        CommandLine root = Main.commandLine(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), Map.of(), Prompter.none());
        List<CommandLine> commands = new ArrayList<>();
        collect(root, commands);
        int longLines = 0;

        for (CommandLine command : commands) {
            List<String> args = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName().split(" ")));
            args.remove(0);
            args.add("--help");
            CliRun run = CliRun.run(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            List<String> printed = run.out().lines().toList();
            for (String line : command.getCommandSpec().usageMessage().footer()) {
                String expected = String.format(line);
                for (String part : expected.split("\\R")) {
                    if (!part.isBlank()) {
                        assertThat(printed).as(String.join(" ", args)).contains(part);
                        longLines += part.length() > 80 ? 1 : 0;
                    }
                }
            }
        }
        // the test means something only if some examples are longer than picocli's 80 columns
        assertThat(longLines).isPositive();
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(subcommand -> collect(subcommand, into));
    }
}
