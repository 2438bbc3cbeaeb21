package dev.fluxboot.cli;

import dev.fluxboot.Main;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code fluxboot completion bash|fish|powershell|zsh}: each script covers the whole command tree, and
 * the real shells complete with it: fish through {@code complete -C}, bash and zsh by calling the
 * script's completion function as they do (zsh the way bashcompinit runs it), PowerShell through
 * {@code TabExpansion2}. A shell that is not installed is skipped with a message; the structure
 * checks run everywhere.
 */
class CompletionScriptsTest {

    @TempDir
    static Path dir;

    private static Path fish;
    private static Path bash;
    private static Path powershell;

    @BeforeAll
    static void writeScripts() throws IOException {
        fish = Files.writeString(dir.resolve("fluxboot.fish"), script("fish"));
        bash = Files.writeString(dir.resolve("fluxboot.bash"), script("bash"));
        powershell = Files.writeString(dir.resolve("fluxboot.ps1"), script("powershell"));
    }

    // ---- structure: every command and flag of the tree

    @Test
    void theFishScriptHasEveryCommandAndEveryFlagOfEachCommand() throws IOException {
        String script = Files.readString(fish);
        List<String> lines = script.lines().toList();

        for (Map.Entry<String, CommandSpec> command : commands().entrySet()) {
            String path = command.getKey();
            String condition = "\\'" + path + "\\'";
            if (!path.isEmpty()) {
                String parent = path.contains(" ") ? path.substring(0, path.lastIndexOf(' ')) : "";
                String name = path.substring(path.lastIndexOf(' ') + 1);
                assertThat(lines).as("fish offers command %s", path).anyMatch(line ->
                        line.contains("__fluxboot_at \\'" + parent + "\\''") && line.contains(" -a '" + name + "' "));
                assertThat(script).as("fish steps to %s", path).contains("'" + parent + "/" + name + "'");
            }
            for (String flag : flags(command.getValue())) {
                String option = flag.startsWith("--") ? " -l " + flag.substring(2) + " " : " -s " + flag.substring(1) + " ";
                assertThat(lines).as("fish offers %s on '%s'", flag, path)
                        .anyMatch(line -> line.contains(condition) && line.contains(option));
            }
        }
    }

    @Test
    void thePowerShellScriptHasEveryCommandAndEveryFlagOfEachCommand() throws IOException {
        String script = Files.readString(powershell);
        // the path sets, in order, and each flag with the index of its set
        List<List<String>> pathSets = new ArrayList<>();
        Map<String, List<Integer>> setsOfFlag = new LinkedHashMap<>();
        Pattern pathSet = Pattern.compile("^ {8},@\\(('.*)\\)$");
        Pattern flagEntry = Pattern.compile("^ {8},@\\((\\d+), @\\(([^)]*)\\), ");
        boolean inPathSets = false;
        for (String line : script.lines().toList()) {
            if (line.equals("    $pathSets = @(")) {
                inPathSets = true;
            } else if (line.equals("    )")) {
                inPathSets = false;
            }
            Matcher set = pathSet.matcher(line);
            if (inPathSets && set.matches()) {
                pathSets.add(quotedWords(set.group(1)));
            }
            Matcher flag = flagEntry.matcher(line);
            if (!inPathSets && flag.find()) {
                for (String name : quotedWords(flag.group(2))) {
                    setsOfFlag.computeIfAbsent(name, n -> new ArrayList<>()).add(Integer.parseInt(flag.group(1)));
                }
            }
        }

        for (Map.Entry<String, CommandSpec> command : commands().entrySet()) {
            String path = command.getKey();
            if (!path.isEmpty()) {
                String parent = path.contains(" ") ? path.substring(0, path.lastIndexOf(' ')) : "";
                String name = path.substring(path.lastIndexOf(' ') + 1);
                assertThat(script).as("powershell steps to %s", path)
                        .contains("'" + parent + "/" + name + "' = '" + path + "'")
                        .contains(",@('" + name + "', ");
            }
            for (String flag : flags(command.getValue())) {
                assertThat(setsOfFlag.getOrDefault(flag, List.of())).as("powershell offers %s on '%s'", flag, path)
                        .anyMatch(index -> pathSets.get(index).contains(path));
            }
        }
    }

    // ---- the real shells

    @ParameterizedTest(name = "fish: {0}")
    @CsvSource(delimiter = '|', value = {
            "'fluxboot '|bootstrap check completion export install migrate terraform uninstall version",
            "fluxboot export so|source",
            "'fluxboot export source '|bucket chart external git helm oci",
            "'fluxboot export artifact '|generator",
            "'fluxboot -n export export image '|policy repository update",
            "'fluxboot install --log-level '|debug error info",
            "fluxboot install --log-level=|--log-level=debug --log-level=error --log-level=info",
            "'fluxboot bootstrap git --ssh-key-algorithm '|ecdsa ed25519 rsa",
            "'fluxboot version -o '|json yaml",
            "'fluxboot completion '|bash fish powershell zsh",
            "fluxboot install --comp|--components --components-extra",
            "fluxboot export ks --all-|--all-namespaces"})
    void fishCompletesCommandsFlagsAndValues(String line, String expected) throws Exception {
        assumeTrue(onPath("fish"), "fish is not installed: skipped");

        Shell run = shell("fish", "--no-config", "-c", "source " + fish + "; complete -C " + FishCompletion.quote(line));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().map(candidate -> candidate.split("\t")[0]).toList())
                .containsExactlyInAnyOrder(expected.split(" "));
    }

    @Test
    void fishReadsTheScriptWithoutErrors() throws Exception {
        assumeTrue(onPath("fish"), "fish is not installed: skipped");

        Shell syntax = shell("fish", "--no-config", "--no-execute", fish.toString());
        Shell loaded = shell("fish", "--no-config", "-c", "source " + fish + " && functions -q __fluxboot_path");

        assertThat(syntax.exitCode()).as(syntax.output()).isZero();
        assertThat(loaded.exitCode()).as(loaded.output()).isZero();
        assertThat(loaded.output()).isEmpty();
    }

    @ParameterizedTest(name = "bash: {0}")
    @CsvSource(delimiter = '|', value = {
            "install --log-level|debug info error",
            "export source|git helm oci bucket chart external",
            "export artifact|generator",
            "completion|bash fish powershell zsh"})
    void bashCompletesWithTheScript(String words, String expected) throws Exception {
        Shell syntax = shell("bash", "-n", bash.toString());
        Shell run = shell("bash", "-c", "source " + bash + "; " + completeAfter(words) + " 2>/dev/null; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"");

        assertThat(syntax.exitCode()).as(syntax.output()).isZero();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().toList()).containsExactlyInAnyOrder(expected.split(" "));
    }

    @Test
    void zshLoadsTheBashScriptThroughBashcompinitAndCompletesWithIt() throws Exception {
        assumeTrue(onPath("zsh"), "zsh is not installed: skipped");
        String zsh = script("zsh");

        // as zsh's bashcompinit runs a bash completion function: emulating sh, with these options
        Shell run = shell("zsh", "-f", "-c", "autoload -U +X compinit && compinit -u -d " + dir.resolve("zcompdump")
                + "; source " + bash + " || exit 1; print -r -- \"registered: ${_comps[fluxboot]}\"; "
                + "complete_it() { emulate -L sh; setopt kshglob noshglob braceexpand; "
                + completeAfter("install --log-level") + " 2>/dev/null; print -l -- \"${COMPREPLY[@]}\"; }; complete_it");

        assertThat(zsh).isEqualTo(Files.readString(bash));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().toList())
                .containsExactly("registered: _bash_complete -F _complete_fluxboot -o default", "debug", "info", "error");
    }

    @ParameterizedTest(name = "powershell: {0}")
    @CsvSource(delimiter = '|', value = {
            "fluxboot export so|source",
            "'fluxboot export source '|git helm oci bucket chart external",
            "'fluxboot -n export export artifact '|generator",
            "'fluxboot install --log-level '|debug info error",
            "fluxboot install --log-level=|--log-level=debug --log-level=info --log-level=error",
            "fluxboot export ks --all-|--all-namespaces"})
    void powerShellCompletesWithTheScript(String line, String expected) throws Exception {
        assumeTrue(onPath("pwsh"), "PowerShell (pwsh) is not installed: skipped");

        String quoted = "'" + line.replace("'", "''") + "'";
        Shell run = shell("pwsh", "-NoProfile", "-NonInteractive", "-Command", ". " + powershell + "; "
                + "(TabExpansion2 -inputScript " + quoted + " -cursorColumn " + line.length()
                + ").CompletionMatches | ForEach-Object { $_.CompletionText }");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().toList()).containsExactlyInAnyOrder(expected.split(" "));
    }

    // ---- helpers

    /** Sets bash's completion variables for the words typed, then an empty word, and calls the script's function. */
    private static String completeAfter(String words) {
        List<String> all = new ArrayList<>(List.of("fluxboot"));
        all.addAll(Arrays.asList(words.split(" ")));
        String line = String.join(" ", all) + " ";
        return "COMP_WORDS=(" + String.join(" ", all) + " \"\"); COMP_CWORD=" + all.size() + "; COMP_LINE='" + line
                + "'; COMP_POINT=" + line.length() + "; _complete_fluxboot fluxboot '' " + all.get(all.size() - 1);
    }

    private static String script(String shell) {
        CliRun run = CliRun.run("completion", shell);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return run.out();
    }

    /** Every visible command of the whole tree by its path ({@code ""}: the root). */
    private static Map<String, CommandSpec> commands() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine root = Main.commandLine(sink, sink, Map.of(), Prompter.none(), Optional.empty(),
                dev.fluxboot.api.Cancellation.none());
        Map<String, CommandSpec> commands = new LinkedHashMap<>();
        collect("", root.getCommandSpec(), commands);
        assertThat(commands).containsKeys("", "install", "export source external", "export artifact generator",
                "bootstrap github", "completion");
        return commands;
    }

    private static void collect(String path, CommandSpec command, Map<String, CommandSpec> commands) {
        commands.put(path, command);
        for (CommandLine child : command.subcommands().values()) {
            CommandSpec spec = child.getCommandSpec();
            if (!spec.usageMessage().hidden()) {
                collect(path.isEmpty() ? spec.name() : path + " " + spec.name(), spec, commands);
            }
        }
    }

    private static List<String> flags(CommandSpec command) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            if (!option.hidden()) {
                names.addAll(List.of(option.names()));
            }
        }
        return names;
    }

    private static List<String> quotedWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("'((?:[^']|'')*)'").matcher(text);
        while (word.find()) {
            words.add(word.group(1).replace("''", "'"));
        }
        return words;
    }

    private record Shell(int exitCode, String output) {
    }

    private static Shell shell(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Shell(process.waitFor(), output);
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
