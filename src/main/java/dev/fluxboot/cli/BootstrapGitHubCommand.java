package dev.fluxboot.cli;

import dev.fluxboot.api.ForgeRepository;
import dev.fluxboot.api.ForgeType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code fluxboot bootstrap github}: the flags of {@code flux bootstrap github}, run with GitHub as the Git host. */
@Command(name = "github", description = {"Deploy Flux on a cluster connected to a GitHub repository.",
        "The bootstrap github command creates the GitHub repository if it doesn't exists and commits the Flux manifests "
                + "to the specified branch. Then it configures the target cluster to synchronize with that repository. "
                + "If the Flux components are present on the cluster, the bootstrap command will perform an upgrade if needed."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Create a GitHub personal access token and export it as an env var",
                "  export GITHUB_TOKEN=<my-token>",
                "",
                "  # Run bootstrap for a private repository owned by a GitHub organization",
                "  fluxboot bootstrap github --owner=<organization> --repository=<repository name> --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a private repository and assign organization teams to it",
                "  fluxboot bootstrap github --owner=<organization> --repository=<repository name> --team=<team1 slug> \\",
                "    --team=<team2 slug> --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a private repository and assign organization teams with their access level",
                "  fluxboot bootstrap github --owner=<organization> --repository=<repository name> \\",
                "    --team=<team1 slug>:<access-level> --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a public repository on a personal account",
                "  fluxboot bootstrap github --owner=<user> --repository=<repository name> --private=false --personal=true \\",
                "    --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a private repository hosted on GitHub Enterprise using SSH auth",
                "  fluxboot bootstrap github --owner=<organization> --repository=<repository name> --hostname=<domain> \\",
                "    --ssh-hostname=<domain> --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a private repository hosted on GitHub Enterprise using HTTPS auth",
                "  fluxboot bootstrap github --owner=<organization> --repository=<repository name> --hostname=<domain> \\",
                "    --token-auth --path=clusters/my-cluster"})
public final class BootstrapGitHubCommand extends ForgeBootstrapCommand {

    @Option(names = "--owner", paramLabel = "NAME", description = "GitHub user or organization name")
    private String owner;

    @Option(names = "--repository", paramLabel = "NAME", description = "GitHub repository name")
    private String repository;

    @Option(names = "--team", paramLabel = "TEAM[:PERMISSION]", split = ",",
            description = "GitHub team and the access to be given to it(team:maintain). Defaults to maintainer access "
                    + "if no access level is specified (also accepts comma-separated values)")
    private List<String> teams = new ArrayList<>();

    @Option(names = "--personal", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "if true, the owner is assumed to be a GitHub user; otherwise an org")
    private boolean personal;

    @Option(names = "--hostname", paramLabel = "HOST", defaultValue = "github.com",
            description = "GitHub hostname (default: ${DEFAULT-VALUE})")
    private String hostname;

    @Override
    protected ForgeType forge() {
        return ForgeType.GITHUB;
    }

    @Override
    protected ForgeRepository.Builder repository(CliEnvironment environment) {
        return ForgeRepository.builder(ForgeType.GITHUB).owner(owner).name(repository).personal(personal)
                .hostname(hostname).visibility(forgeFlags().privateRepository(), "").teams(teams);
    }
}
