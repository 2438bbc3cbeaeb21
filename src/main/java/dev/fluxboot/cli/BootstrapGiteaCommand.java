package dev.fluxboot.cli;

import dev.fluxboot.api.ForgeRepository;
import dev.fluxboot.api.ForgeType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code fluxboot bootstrap gitea}: the flags of {@code flux bootstrap gitea}, run with Gitea as the Git host. */
@Command(name = "gitea", description = {"Deploy Flux on a cluster connected to a Gitea repository.",
        "The bootstrap gitea command creates the Gitea repository if it doesn't exists and commits the Flux manifests "
                + "to the specified branch. Then it configures the target cluster to synchronize with that repository. "
                + "If the Flux components are present on the cluster, the bootstrap command will perform an upgrade if needed."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Create a Gitea personal access token and export it as an env var",
                "  export GITEA_TOKEN=<my-token>",
                "",
                "  # Run bootstrap for a private repository owned by a Gitea organization",
                "  fluxboot bootstrap gitea --owner=<organization> --repository=<repository name> --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a private repository and assign organization teams to it",
                "  fluxboot bootstrap gitea --owner=<organization> --repository=<repository name> --team=<team1 slug> \\",
                "    --team=<team2 slug> --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a private repository and assign organization teams with their access level",
                "  fluxboot bootstrap gitea --owner=<organization> --repository=<repository name> \\",
                "    --team=<team1 slug>:<access-level> --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a public repository on a personal account",
                "  fluxboot bootstrap gitea --owner=<user> --repository=<repository name> --private=false --personal=true \\",
                "    --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a private repository hosted on Gitea Enterprise using SSH auth",
                "  fluxboot bootstrap gitea --owner=<organization> --repository=<repository name> --hostname=<domain> \\",
                "    --ssh-hostname=<domain> --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a private repository hosted on Gitea Enterprise using HTTPS auth",
                "  fluxboot bootstrap gitea --owner=<organization> --repository=<repository name> --hostname=<domain> \\",
                "    --token-auth --path=clusters/my-cluster"})
public final class BootstrapGiteaCommand extends ForgeBootstrapCommand {

    @Option(names = "--owner", paramLabel = "NAME", description = "Gitea user or organization name")
    private String owner;

    @Option(names = "--repository", paramLabel = "NAME", description = "Gitea repository name")
    private String repository;

    @Option(names = "--team", paramLabel = "TEAM[:PERMISSION]", split = ",",
            description = "Gitea team and the access to be given to it(team:maintain). Defaults to maintainer access "
                    + "if no access level is specified (also accepts comma-separated values)")
    private List<String> teams = new ArrayList<>();

    @Option(names = "--personal", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "if true, the owner is assumed to be a Gitea user; otherwise an org")
    private boolean personal;

    @Option(names = "--hostname", paramLabel = "HOST", defaultValue = "gitea.com",
            description = "Gitea hostname (default: ${DEFAULT-VALUE})")
    private String hostname;

    @Override
    protected ForgeType forge() {
        return ForgeType.GITEA;
    }

    @Override
    protected ForgeRepository.Builder repository(CliEnvironment environment) {
        return ForgeRepository.builder(ForgeType.GITEA).owner(owner).name(repository).personal(personal)
                .hostname(hostname).visibility(forgeFlags().privateRepository(), "").teams(teams);
    }
}
