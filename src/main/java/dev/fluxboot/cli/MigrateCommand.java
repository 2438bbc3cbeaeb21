package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.api.Fluxboot;
import dev.fluxboot.api.MigrateSpec;
import dev.fluxboot.api.MigrationPlan;
import dev.fluxboot.ui.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code fluxboot migrate}: {@code flux migrate}. Without {@code -f}, the Flux custom resources stored in
 * the cluster move to their storage versions ({@link StorageMigration}); with {@code -f}, the Flux objects
 * in YAML files get the API versions of the target release ({@link ManifestApiMigration}).
 */
@Command(name = "migrate", description = {
        "Migrate the Flux custom resources to their latest API version.",
        "The migrate command must be run before a Flux minor version upgrade (fluxboot install and bootstrap "
                + "also migrate what they need by themselves).",
        "Cluster mode (default): migrates the Flux custom resources stored in the cluster to their storage "
                + "version; with --version or --manifests, to the storage versions of that release where it drops "
                + "a stored version.",
        "File system mode (-f): migrates the Flux custom resources defined in the manifests at the path."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Migrate all the Flux custom resources in the cluster",
                "  fluxboot migrate",
                "",
                "  # Prepare the cluster for Flux v2.9.4, showing what would move",
                "  fluxboot migrate --version=v2.9.4 --dry-run",
                "",
                "  # Migrate the Flux custom resources of a Git repository checked out in the current folder",
                "  fluxboot migrate -f .",
                "",
                "  # Migrate YAML and Helm template files, without asking",
                "  fluxboot migrate -f . --extensions=.yml,.yaml,.tpl --yes"})
public final class MigrateCommand extends BaseCommand {

    @Option(names = {"-f", "--path"}, paramLabel = "PATH",
            description = "the path to the directory containing the manifests to migrate")
    private Path path;

    @Option(names = {"-e", "--extensions"}, paramLabel = "LIST", split = ",",
            description = "the file extensions to consider when migrating manifests, only applicable with --path "
                    + "(default: .yaml,.yml)")
    private List<String> extensions;

    @Option(names = {"-v", "--version"}, paramLabel = "VERSION",
            description = "the Flux release to migrate to, e.g. v2.9.4 (default: the release built in); cluster mode "
                    + "without it migrates to the storage versions the cluster's definitions have")
    private String version;

    @Option(names = "--manifests", paramLabel = "PATH",
            description = "path to the manifests of the --version release: a folder or a manifests.tar.gz")
    private Path manifests;

    @Option(names = {"-y", "--yes"}, paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "skip confirmation prompts when migrating manifests, only applicable with --path")
    private boolean yes;

    @Option(names = "--dry-run", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "list what would be migrated and change nothing")
    private boolean dryRun;

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        MigrateSpec spec = MigrateSpec.builder()
                .cluster(globals.cluster())
                .timeout(globals.timeout())
                .path(path)
                .extensions(extensions)
                .version(version)
                .manifests(manifests)
                .build();
        Fluxboot flux = environment.fluxboot(globals);
        flux.validate(spec);
        Reporter reporter = environment.reporter();
        reporter.action("starting migration of custom resources");
        if (dryRun || path != null) {
            MigrationPlan plan = flux.planMigration(spec);
            plan.skipped().forEach(file -> reporter.warning("skipping irregular file " + file));
            if (plan.isEmpty()) {
                reporter.success("no custom resources found that require migration");
                return ExitCode.OK;
            }
            plan.lines().forEach(line -> reporter.info(path != null ? "✚ " + line : line));
            if (dryRun) {
                reporter.success("dry-run mode enabled, no changes will be made");
                return ExitCode.OK;
            }
            confirm(environment);
        }
        List<String> migrated = flux.migrate(spec);
        reporter.success(migrated.isEmpty() ? "no custom resources found that require migration"
                : "custom resources migrated successfully");
        return ExitCode.OK;
    }

    /** File mode asks before it rewrites files, unless {@code --yes}. */
    private void confirm(CliEnvironment environment) {
        if (yes) {
            return;
        }
        if (!environment.prompter().interactive()) {
            throw new FluxbootException("there is no terminal to confirm the migration: rerun with --yes to "
                    + "migrate without asking, or with --dry-run to only list the changes");
        }
        if (!environment.prompter().confirm("Are you sure you want to proceed with the above upgrades")) {
            throw new FluxbootException("migration cancelled");
        }
    }
}
