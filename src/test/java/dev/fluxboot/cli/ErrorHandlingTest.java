package dev.fluxboot.cli;

import dev.fluxboot.ui.Redactor;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.Main;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the user sees when a command fails: one line, the right exit code, no secrets. */
class ErrorHandlingTest {

    /** A command that fails the way it is told to, holding a password flag. */
    @Command(name = "fail")
    static final class FailingCommand extends BaseCommand implements SecretHolder {

        @Option(names = "--password")
        String password = "";

        @Option(names = "--how")
        String how = "unexpected";

        @Override
        protected int execute(GlobalOptions globals, CliEnvironment environment) {
            switch (how) {
                case "usage" -> throw new dev.fluxboot.UsageException("--how usage is not allowed here");
                case "failure" -> throw new FluxbootException("the cluster refused: try again");
                default -> throw new IllegalStateException("connect to https://bot:" + password
                        + "@git.example.com failed\nsecond line, password=" + password);
            }
        }

        @Override
        public List<String> secrets() {
            return List.of(password);
        }
    }

    private static CliRun run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine commandLine = Main.commandLine(outStream, errStream, Map.of(), Prompter.none());
        commandLine.addSubcommand(new FailingCommand());
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fluxbootFailureIsItsMessageOnOneLineWithExitOne() {
        CliRun run = run("fail", "--how", "failure");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("✗ the cluster refused: try again");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void usageExceptionExitsTwo() {
        CliRun run = run("fail", "--how", "usage");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("✗ --how usage is not allowed here");
    }

    @Test
    void unexpectedExceptionIsOneLineWithoutSecretsAndExitOne() {
        CliRun run = run("fail", "--password", "hunter2-very-secret");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("✗ unexpected error: connect to https://git.example.com failed")
                .contains("--verbose");
        assertThat(run.err()).doesNotContain("hunter2");
    }

    @Test
    void verboseAddsTheStackTraceStillWithoutSecrets() {
        CliRun run = run("fail", "--password", "hunter2-very-secret", "--verbose");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("java.lang.IllegalStateException", "at dev.fluxboot.cli.ErrorHandlingTest")
                .doesNotContain("hunter2");
    }

    @Test
    void withoutVerboseThereIsNoStackTrace() {
        CliRun run = run("fail", "--how", "failure");

        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void redactorBlanksUrlUserInfoAndPasswordPairs() {
        Redactor redactor = new Redactor(List.of("abc", "tok3n-value"));

        assertThat(redactor.redact("https://user:pw@host/x token=t0k password: \"p4ss\" tok3n-value abc"))
                .isEqualTo("https://host/x token=*** password: \"***\" *** abc");
    }
}
