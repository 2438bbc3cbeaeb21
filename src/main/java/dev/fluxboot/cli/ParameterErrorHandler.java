package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.ui.Reporter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A flag picocli could not read (unknown flag, bad value, missing argument): one {@code ✗}
 * line naming it, pointing at the command's help, exit 2. No usage dump: it buries the line
 * that matters. A mistyped command or flag gets the nearest one ("did you mean"), and what
 * followed an unknown flag is never shown: it may be that flag's value, a password say.
 */
public final class ParameterErrorHandler implements IParameterExceptionHandler {

    private static final java.util.regex.Pattern COMMAND_LIKE = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final Reporter reporter;

    public ParameterErrorHandler(Reporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        String command = commandLine.getCommandSpec().qualifiedName();
        String sentence;
        if (exception instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            sentence = unmatched(commandLine, unmatched.getUnmatched().get(0));
        } else {
            String message = ExecutionErrorHandler.oneLine(exception.getMessage());
            sentence = message.endsWith(".") ? message : message + ".";
        }
        reporter.failure(sentence + " Run '" + command + " --help' for usage.");
        return ExitCode.USAGE;
    }

    /** The first argument picocli could not place; the ones after it are not shown. */
    private static String unmatched(CommandLine commandLine, String argument) {
        CommandSpec spec = commandLine.getCommandSpec();
        if (argument.startsWith("-") && argument.length() > 1) {
            String flag = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            return "unknown flag " + flag + nearest(flag, optionNames(spec)).map(name -> ": did you mean " + name + "?")
                    .orElse(".");
        }
        if (!commandLine.getSubcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            List<String> commands = new ArrayList<>(commandLine.getSubcommands().keySet());
            Optional<String> suggestion = nearest(argument, commands);
            if (COMMAND_LIKE.matcher(argument).matches()) {
                return "unknown command \"" + argument + "\" for \"" + spec.qualifiedName() + "\""
                        + suggestion.map(name -> ": did you mean \"" + name + "\"?").orElse(" (commands: "
                        + String.join(", ", commands) + ").");
            }
            return "unknown command for \"" + spec.qualifiedName() + "\" (commands: " + String.join(", ", commands) + ").";
        }
        return "\"" + spec.qualifiedName() + "\" takes no such argument (not shown: it may be a value meant for a flag"
                + " that is missing or mistyped).";
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                names.addAll(List.of(option.names()));
            }
        }
        return names;
    }

    /**
     * The candidate closest to what was typed: the only one it is a prefix of, else the nearest
     * by edits (a swap of two neighbours counts as one), when near enough to be a typo.
     */
    static Optional<String> nearest(String typed, List<String> candidates) {
        List<String> prefixed = candidates.stream().filter(c -> c.startsWith(typed) && typed.length() >= 3).toList();
        if (prefixed.size() == 1) {
            return Optional.of(prefixed.get(0));
        }
        if (typed.replaceFirst("^-+", "").length() < 3) {
            return Optional.empty(); // one or two letters are as near to half the flags
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(typed, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.min(3, typed.replaceFirst("^-+", "").length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
