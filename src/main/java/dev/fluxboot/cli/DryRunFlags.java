package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import dev.fluxboot.api.Plan;
import dev.fluxboot.ui.Reporter;
import picocli.CommandLine.Option;

/**
 * {@code --dry-run} and {@code --exit-code}, as a picocli mixin for {@code install} and (through
 * {@link BootstrapFlags}) every {@code bootstrap} command.
 */
public final class DryRunFlags {

    @Option(names = "--dry-run", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "show what would change in Git, the cluster and the Git host, and change nothing")
    private boolean dryRun;

    @Option(names = "--exit-code", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "with --dry-run: exit with 3 when anything would change, 0 when nothing would")
    private boolean exitCode;

    /** Whether this is a dry run; {@code --exit-code} without {@code --dry-run} is a usage error. */
    public boolean dryRun() {
        if (exitCode && !dryRun) {
            throw new UsageException("--exit-code needs --dry-run: pass both, e.g. --dry-run --exit-code");
        }
        return dryRun;
    }

    /** Prints the plan on stdout; returns the exit code of a dry run that found it. */
    public int report(Plan plan, Reporter reporter) {
        String text = plan.text();
        if (!text.isEmpty()) {
            reporter.result(text);
        }
        return exitCode && plan.hasChanges() ? ExitCode.CHANGES_PENDING : ExitCode.OK;
    }
}
