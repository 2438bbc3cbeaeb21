package dev.fluxboot.cli;

import dev.fluxboot.Main;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParentCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Main#run} builds only the subcommands its arguments name ({@link CommandTree}); for
 * any arguments it must behave exactly as the whole command tree does.
 */
class CommandTreeTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome lazily(String... args) {
        return capture((out, err) -> Main.run(args, out, err, Map.of(), Prompter.none()));
    }

    private static Outcome withTheWholeTree(String... args) {
        return capture((out, err) -> Main.commandLine(out, err, Map.of(), Prompter.none()).execute(args));
    }

    private interface Runner {
        int run(PrintStream out, PrintStream err);
    }

    private static Outcome capture(Runner runner) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = runner.run(outStream, errStream);
        }
        return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> optionNames(CommandLine commandLine, String subcommand) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : commandLine.getSubcommands().get(subcommand).getCommandSpec().options()) {
            names.addAll(List.of(option.names()));
        }
        return names;
    }

    private static CommandLine treeFor(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.commandLine(sink, sink, Map.of(), Prompter.none(), Optional.of(List.of(args)), dev.fluxboot.api.Cancellation.none());
    }

    @Test
    void anyArgumentsGiveWhatTheWholeTreeGives(@TempDir Path dir) throws IOException {
        // Given argument lists that name one, several or no subcommand, help, typos, bad flags,
        // a subcommand's name as a flag's value, and an @file that names a subcommand
        Path atFile = Files.writeString(dir.resolve("args"), "version\n--client\n");
        List<String[]> corpus = List.of(
                new String[] {},
                new String[] {"--help"},
                new String[] {"-h", "install"},
                new String[] {"--version"},
                new String[] {"version"},
                new String[] {"version", "--client", "-o", "json"},
                new String[] {"version", "--output", "xml"},
                new String[] {"install", "--help"},
                new String[] {"install", "--components", "nope", "--export"},
                new String[] {"install", "--timeout", "soon"},
                new String[] {"install", "--bogus"},
                new String[] {"instal"},
                new String[] {"nope"},
                new String[] {"--namespace", "install"},
                new String[] {"-n", "Bad_Name", "version"},
                new String[] {"completion", "bash"},
                new String[] {"completion", "fish"},
                new String[] {"completion"},
                new String[] {"--", "version"},
                new String[] {"@" + atFile});

        for (String[] args : corpus) {
            // When
            Outcome lazy = lazily(args);
            Outcome whole = withTheWholeTree(args);

            // Then
            assertThat(lazy).as(String.join(" ", args)).isEqualTo(whole);
        }
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltInFull() {
        // When
        CommandLine forVersion = treeFor("version", "--client");

        // Then version has its own flags, install and completion only the inherited global ones
        assertThat(optionNames(forVersion, "version")).contains("--client", "--output", "--namespace");
        assertThat(optionNames(forVersion, "install")).contains("--namespace").doesNotContain("--export");
        assertThat(forVersion.getSubcommands().get("completion").getCommandSpec().positionalParameters()).isEmpty();
        assertThat(forVersion.getSubcommands().keySet()).containsExactly("install", "bootstrap", "version", "completion",
                "check", "uninstall", "export", "migrate", "terraform");
    }

    @Test
    void completionAndAtFilesGetTheWholeTree() {
        // When
        CommandLine forCompletion = treeFor("completion", "bash");
        CommandLine forAtFile = treeFor("@args.txt");
        CommandLine unknownArguments = Main.commandLine(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), Map.of(), Prompter.none());

        // Then
        for (CommandLine tree : List.of(forCompletion, forAtFile, unknownArguments)) {
            assertThat(optionNames(tree, "install")).contains("--export");
            assertThat(optionNames(tree, "version")).contains("--client");
        }
    }

    @Command(name = "root")
    static final class Root {
    }

    @Command(name = "child", aliases = "kid")
    static final class Child implements Runnable {
        @ParentCommand
        Root parent;

        @Override
        public void run() {
        }
    }

    @Test
    void aSubcommandBuiltInFullGetsItsParentCommandLikeAnAnnotatedOne() {
        // Given
        Root root = new Root();
        CommandLine commandLine = new CommandLine(root);

        // When it is named by its alias
        CommandTree.addSubcommands(commandLine, List.of(Child.class), Optional.of(List.of("kid")));

        // Then
        Child child = commandLine.getSubcommands().get("child").getCommand();
        assertThat(child.parent).isSameAs(root);
        assertThat(commandLine.getSubcommands()).containsKeys("child", "kid");
    }
}
