package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.UsageException;
import dev.fluxboot.api.ExportSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;


/**
 * {@code fluxboot export ...}: Flux objects in YAML, as {@code flux export} writes them, on stdout.
 * The groups ({@code export}, {@code export source}, {@code export image}, {@code export artifact}) print
 * their help; each kind is a subcommand taking a name or {@code --all}.
 */
@Command(name = "export", description = {"Export resources in YAML format.",
        "The export sub-commands export resources in YAML format."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ExportCommand.Source.class, ExportCommand.Kustomization.class, ExportCommand.HelmRelease.class,
                ExportCommand.Alert.class, ExportCommand.AlertProvider.class, ExportCommand.Receiver.class,
                ExportCommand.Image.class, ExportCommand.Artifact.class})
public final class ExportCommand extends HelpGroup {

    // Flux's export flags are persistent: they work before or after the kind, on every kind
    @Option(names = "--all", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true", scope = ScopeType.INHERIT,
            description = "select all resources")
    private boolean all;

    @Option(names = {"-A", "--all-namespaces"}, paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            scope = ScopeType.INHERIT, description = "with --all, export the objects of all namespaces")
    private boolean allNamespaces;

    @Command(name = "source", description = {"Export sources.",
            "The export source sub-commands export sources in YAML format."},
            synopsisSubcommandLabel = "COMMAND",
            subcommands = {GitSource.class, HelmSource.class, OciSource.class, BucketSource.class, ChartSource.class,
                    ExternalSource.class})
    static final class Source extends HelpGroup {

        @Option(names = "--with-credentials", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
                scope = ScopeType.INHERIT, description = "include credential secrets")
        private boolean withCredentials;
    }

    @Command(name = "image", description = {"Export image automation objects.",
            "The export image sub-commands export image automation objects in YAML format."},
            synopsisSubcommandLabel = "COMMAND",
            subcommands = {ImageRepository.class, ImagePolicy.class, ImageUpdate.class})
    static final class Image extends HelpGroup {
    }

    @Command(name = "artifact", description = {"Export artifact objects.",
            "The export artifact sub-commands export artifact objects in YAML format."},
            synopsisSubcommandLabel = "COMMAND",
            subcommands = ArtifactGenerator.class)
    static final class Artifact extends HelpGroup {
    }

    /** One kind: a name, or {@code --all} in the namespace or in all namespaces. */
    abstract static class ExportKind extends BaseCommand {

        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the name of the object to export")
        private String name;

        /** The Flux kind, e.g. {@code GitRepository}. */
        abstract String kind();

        boolean withCredentials() {
            return false;
        }

        /** The group command above this one of that type (it holds the inherited flags). */
        <T> T group(Class<T> type) {
            for (CommandSpec command = spec(); command != null; command = command.parent()) {
                if (type.isInstance(command.userObject())) {
                    return type.cast(command.userObject());
                }
            }
            throw new IllegalStateException(spec().qualifiedName() + " is not under " + type.getSimpleName());
        }

        @Override
        protected final int execute(GlobalOptions globals, CliEnvironment environment) {
            boolean all = group(ExportCommand.class).all;
            boolean allNamespaces = group(ExportCommand.class).allNamespaces;
            String command = spec().qualifiedName(" ");
            if (!all && (name == null || name.isEmpty())) {
                throw new UsageException("name is required: '" + command + " NAME', or --all for every " + kind());
            }
            if (all && name != null) {
                throw new UsageException("give either a name or --all, not both ('" + command + " " + name + " --all')");
            }
            if (allNamespaces && !all) {
                throw new UsageException("--all-namespaces selects objects for --all: add --all, or drop "
                        + "--all-namespaces to export " + name + " from namespace " + globals.namespace());
            }
            environment.reporter().result(environment.fluxboot(globals).export(ExportSpec.builder(kind())
                    .cluster(globals.cluster())
                    .namespace(globals.namespace())
                    .name(all ? null : name)
                    .allNamespaces(allNamespaces)
                    .withCredentials(withCredentials())
                    .timeout(globals.timeout())
                    .build()));
            return ExitCode.OK;
        }
    }

    /** A source: {@code --with-credentials} (a flag of {@code export source}) adds the Secret its {@code spec.secretRef} names. */
    abstract static class ExportSourceKind extends ExportKind {
        @Override
        boolean withCredentials() {
            return group(Source.class).withCredentials;
        }
    }

    @Command(name = "git", description = "Export GitRepository sources in YAML format.")
    static final class GitSource extends ExportSourceKind {
        @Override
        String kind() {
            return "GitRepository";
        }
    }

    @Command(name = "helm", description = "Export HelmRepository sources in YAML format.")
    static final class HelmSource extends ExportSourceKind {
        @Override
        String kind() {
            return "HelmRepository";
        }
    }

    @Command(name = "oci", description = "Export OCIRepository sources in YAML format.")
    static final class OciSource extends ExportSourceKind {
        @Override
        String kind() {
            return "OCIRepository";
        }
    }

    @Command(name = "bucket", description = "Export Bucket sources in YAML format.")
    static final class BucketSource extends ExportSourceKind {
        @Override
        String kind() {
            return "Bucket";
        }
    }

    /** HelmChart has no credentials of its own; the flag is accepted as on every source (as in the Flux CLI). */
    @Command(name = "chart", description = "Export HelmChart sources in YAML format.")
    static final class ChartSource extends ExportSourceKind {
        @Override
        String kind() {
            return "HelmChart";
        }
    }

    /**
     * ExternalArtifact has no credentials; under {@code export source}, the flag is accepted and adds
     * nothing (as in the Flux CLI).
     */
    @Command(name = "external", description = "Export ExternalArtifact sources in YAML format.")
    static final class ExternalSource extends ExportSourceKind {
        @Override
        String kind() {
            return "ExternalArtifact";
        }
    }

    @Command(name = "kustomization", aliases = "ks", description = "Export Kustomization resources in YAML format.")
    static final class Kustomization extends ExportKind {
        @Override
        String kind() {
            return "Kustomization";
        }
    }

    @Command(name = "helmrelease", aliases = "hr", description = "Export HelmRelease resources in YAML format.")
    static final class HelmRelease extends ExportKind {
        @Override
        String kind() {
            return "HelmRelease";
        }
    }

    @Command(name = "alert", description = "Export Alert resources in YAML format.")
    static final class Alert extends ExportKind {
        @Override
        String kind() {
            return "Alert";
        }
    }

    @Command(name = "alert-provider", description = "Export Provider resources in YAML format.")
    static final class AlertProvider extends ExportKind {
        @Override
        String kind() {
            return "Provider";
        }
    }

    @Command(name = "receiver", description = "Export Receiver resources in YAML format.")
    static final class Receiver extends ExportKind {
        @Override
        String kind() {
            return "Receiver";
        }
    }

    @Command(name = "repository", description = "Export ImageRepository resources in YAML format.")
    static final class ImageRepository extends ExportKind {
        @Override
        String kind() {
            return "ImageRepository";
        }
    }

    @Command(name = "policy", description = "Export ImagePolicy resources in YAML format.")
    static final class ImagePolicy extends ExportKind {
        @Override
        String kind() {
            return "ImagePolicy";
        }
    }

    @Command(name = "update", description = "Export ImageUpdateAutomation resources in YAML format.")
    static final class ImageUpdate extends ExportKind {
        @Override
        String kind() {
            return "ImageUpdateAutomation";
        }
    }

    /** source-watcher's kind (Flux 2.7 and later, installed with {@code --components-extra=source-watcher}). */
    @Command(name = "generator", description = "Export ArtifactGenerator resources in YAML format.")
    static final class ArtifactGenerator extends ExportKind {
        @Override
        String kind() {
            return "ArtifactGenerator";
        }
    }
}
