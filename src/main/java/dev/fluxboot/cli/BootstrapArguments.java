package dev.fluxboot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cobra's persistent flags for {@code bootstrap}: the Flux CLI takes the bootstrap flags before
 * the provider word too ({@code flux bootstrap --version=v2.9.4 git --url=...}). picocli takes a
 * subcommand's flags only after its name, so the provider word is moved to just after
 * {@code bootstrap}; the flags keep their order and meaning.
 */
final class BootstrapArguments {

    private BootstrapArguments() {
    }

    /**
     * @param root the command line whose {@code bootstrap} command is built in full
     * @return the arguments with the provider word right after {@code bootstrap}, or as they were
     */
    static String[] providerFirst(CommandLine root, String[] args) {
        CommandLine bootstrap = root.getSubcommands().get("bootstrap");
        int at = List.of(args).indexOf("bootstrap");
        if (bootstrap == null || at < 0 || at + 1 >= args.length || !args[at + 1].startsWith("-")) {
            return args;
        }
        Map<String, CommandLine> providers = bootstrap.getSubcommands();
        for (int i = at + 1; i < args.length; i++) {
            String token = args[i];
            if (token.equals("--")) {
                return args;
            }
            if (providers.containsKey(token)) {
                List<String> ordered = new ArrayList<>(List.of(args));
                ordered.remove(i);
                ordered.add(at + 1, token);
                return ordered.toArray(String[]::new);
            }
            if (token.startsWith("-") && !token.contains("=") && takesValue(providers.values(), token)) {
                i++; // its value, whatever it reads
            }
        }
        return args;
    }

    /** Whether the flag, in any provider command, needs a value ({@code --branch NAME}; not {@code --silent}). */
    private static boolean takesValue(Iterable<CommandLine> providers, String flag) {
        for (CommandLine provider : providers) {
            OptionSpec option = provider.getCommandSpec().findOption(flag);
            if (option != null) {
                return option.arity().min() > 0;
            }
        }
        return false;
    }
}
