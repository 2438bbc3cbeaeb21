package dev.fluxboot.cli;

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
 * {@link FluxbootException}'s own message and code, anything else exit 1 with its type and
 * message. Secrets are blanked out; {@code --verbose} adds the (blanked) stack trace.
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
            message = failure.getMessage();
        } else {
            exitCode = ExitCode.FAILURE;
            message = describeUnexpected(exception);
        }
        environment.reporter().failure(oneLine(redactor.redact(message)));
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

    /** {@code unexpected error: IllegalStateException: what it said}; the type helps a bug report. */
    private static String describeUnexpected(Exception exception) {
        String detail = exception.getMessage();
        String type = exception.getClass().getSimpleName();
        return "unexpected error: " + (detail == null || detail.isBlank() ? type : type + ": " + detail)
                + " (run with --verbose for the stack trace)";
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
