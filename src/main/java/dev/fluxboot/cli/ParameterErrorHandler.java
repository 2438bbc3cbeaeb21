package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.ui.Reporter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A flag picocli could not read (unknown flag, bad value, missing argument): one {@code ✗}
 * line naming it, pointing at the command's help, exit 2. No usage dump: it buries the line
 * that matters.
 */
public final class ParameterErrorHandler implements IParameterExceptionHandler {

    private final Reporter reporter;

    public ParameterErrorHandler(Reporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        String command = commandLine.getCommandSpec().qualifiedName();
        String message = ExecutionErrorHandler.oneLine(exception.getMessage());
        String sentence = message.endsWith(".") ? message : message + ".";
        reporter.failure(sentence + " Run '" + command + " --help' for usage.");
        return ExitCode.USAGE;
    }
}
