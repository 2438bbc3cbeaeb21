package dev.fluxboot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

import java.util.IllegalFormatException;

/**
 * How {@code --help} is laid out: as wide as the terminal, and examples (the footer) exactly as
 * written, line by line. picocli wraps every section at the usage width (80 columns unless it can
 * ask the terminal), cutting a long example in the middle of a flag: copied, it breaks.
 */
public final class HelpLayout {

    private HelpLayout() {
    }

    /** Applies the layout to {@code commandLine} and every subcommand already added to it. */
    public static void apply(CommandLine commandLine) {
        commandLine.setUsageHelpAutoWidth(true);
        applyFooter(commandLine);
    }

    private static void applyFooter(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().sectionMap()
                .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, new VerbatimFooter());
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            applyFooter(subcommand);
        }
    }

    /** The footer lines as written, never wrapped. A class, not a lambda: see {@code Main.VersionText}. */
    private static final class VerbatimFooter implements IHelpSectionRenderer {

        @Override
        public String render(Help help) {
            String[] lines = help.commandSpec().usageMessage().footer();
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(help.colorScheme().text(format(line)).toString()).append(System.lineSeparator());
            }
            return text.toString();
        }

        /** picocli formats section text with String.format ({@code %n}); a stray {@code %} stays as it is. */
        private static String format(String line) {
            try {
                return String.format(line);
            } catch (IllegalFormatException e) {
                return line;
            }
        }
    }
}
