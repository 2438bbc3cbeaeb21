package dev.fluxboot.cli;

import dev.fluxboot.ui.Failures;
import dev.fluxboot.ui.Redactor;

import dev.fluxboot.ExitCode;
import dev.fluxboot.FluxbootException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a command throws into one {@code ✗} line on stderr and an exit code: a
 * {@link FluxbootException}'s own message and code, anything else exit 1 with what went wrong
 * in words (no class names). Secrets are blanked out; {@code --verbose} adds the (blanked) stack trace.
 */
public final class ExecutionErrorHandler implements IExecutionExceptionHandler {

    private final FluxbootCommand root;

    public ExecutionErrorHandler(FluxbootCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        Redactor redactor = new Redactor(secretsOf(commandLine));
        CliEnvironment environment = root.environment();
        int exitCode;
        String message;
        if (exception instanceof FluxbootException failure) {
            exitCode = failure.exitCode();
            message = redactor.redactMessage(failure.getMessage());
        } else {
            exitCode = ExitCode.FAILURE;
            message = describeUnexpected(exception, redactor);
        }
        environment.reporter().failure(oneLine(message));
        if (root.verbose()) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            environment.err().print(redactor.redact(trace.toString()));
            environment.err().flush();
        }
        return exitCode;
    }

    private static List<String> secretsOf(CommandLine commandLine) {
        List<String> secrets = new ArrayList<>();
        for (CommandLine command = commandLine; command != null; command = command.getParent()) {
            if (command.getCommand() instanceof SecretHolder holder) {
                secrets.addAll(holder.secrets());
            }
        }
        return secrets;
    }

    /** {@code unexpected error: what went wrong}; the types are in the {@code --verbose} trace. */
    private static String describeUnexpected(Exception exception, Redactor redactor) {
        return "unexpected error: " + redactor.redact(Failures.reason(exception))
                + " (run with --verbose for the stack trace)";
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
