package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.FluxClusterInfo;
import dev.fluxboot.cluster.Uninstaller;
import dev.fluxboot.ui.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.fluxboot.bootstrap.FluxFolderRemoval;
import dev.fluxboot.git.GitRemote;
import dev.fluxboot.githost.ForgeConnection;
import java.util.ArrayList;
import java.util.Optional;

import java.util.List;

/** {@code fluxboot uninstall}: removes Flux as {@code flux uninstall} does, after a confirmation. */
@Command(name = "uninstall", description = {
        "Uninstall Flux and its custom resource definitions.",
        "The uninstall command removes the Flux components and the toolkit.fluxcd.io resources from the cluster."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Uninstall Flux components, its custom resources and namespace",
                "  fluxboot uninstall --namespace=flux-system",
                "",
                "  # Uninstall Flux but keep the namespace",
                "  fluxboot uninstall --namespace=infra --keep-namespace=true"})
public final class UninstallCommand extends BaseCommand implements SecretHolder {

    @Option(names = "--keep-namespace", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "skip namespace deletion")
    private boolean keepNamespace;

    @Option(names = "--dry-run", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "only print the objects that would be deleted (server-side dry run: nothing changes)")
    private boolean dryRun;

    @Option(names = {"-s", "--silent"}, paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "delete components without asking for confirmation")
    private boolean silent;

    @Mixin
    private UninstallFromGitFlags fromGit;

    @Override
    public List<String> secrets() {
        return fromGit.secrets();
    }

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        boolean git = fromGit.requested(environment.env());
        boolean ask = !dryRun && !silent;
        if (ask && !environment.prompter().interactive()) {
            throw new FluxbootException("there is no terminal to confirm the uninstall: rerun with --silent to "
                    + "delete Flux without asking, or with --dry-run to see what would be deleted");
        }
        Optional<ForgeProvider> forge = git ? fromGit.forge() : Optional.empty();
        ForgeConnection forgeConnection = forge.map(f -> fromGit.forgeConnection(f, globals, environment)).orElse(null);
        Reporter reporter = environment.reporter();
        try (Cluster cluster = ClusterAccess.connect(globals, environment)) {
            if (ask && !environment.prompter().confirm(question(cluster))) {
                throw new FluxbootException("uninstall cancelled");
            }
            // the remote first: its SSH key and known_hosts may come from the source secret the uninstall deletes
            GitRemote remote = git && forge.isEmpty() ? fromGit.remote(cluster, globals.namespace()) : null;
            List<String> failures = new ArrayList<>(new Uninstaller(cluster, reporter)
                    .uninstall(globals.namespace(), keepNamespace, dryRun));
            if (forge.isPresent()) {
                failures.addAll(fromGit.removeFromForge(forge.get(), forgeConnection, globals.namespace(), dryRun, reporter));
            } else if (git) {
                try {
                    FluxFolderRemoval.remove(remote, fromGit.branch(), fromGit.folder(globals.namespace()),
                            fromGit.commit(globals.namespace()), dryRun, reporter);
                } catch (FluxbootException e) {
                    failures.add(e.getMessage());
                }
            }
            if (failures.isEmpty()) {
                reporter.success("uninstall finished");
                return ExitCode.OK;
            }
            reporter.failure("uninstall finished with " + failures.size() + (failures.size() == 1 ? " error:" : " errors:"));
            failures.forEach(failure -> reporter.info("  " + failure));
            return ExitCode.FAILURE;
        }
    }

    /** Flux's question; a Flux another tool manages (Helm) is named, as the Flux CLI does. */
    private static String question(Cluster cluster) {
        String manager = FluxClusterInfo.read(cluster).flatMap(FluxClusterInfo::managedBy).orElse("");
        if (manager.isEmpty() || manager.equals("flux")) {
            return "Are you sure you want to delete Flux and its custom resource definitions";
        }
        return "Flux is managed by " + manager + "! Are you sure you want to delete Flux and its CRDs using fluxboot";
    }
}
