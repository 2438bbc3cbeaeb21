package dev.fluxboot.cli;

import dev.fluxboot.api.ForgeRepository;
import dev.fluxboot.api.ForgeType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code fluxboot bootstrap gitlab}: the flags of {@code flux bootstrap gitlab}, run with GitLab as
 * the Git host. {@code --owner} may be a group or subgroup path; {@code --deploy-token-auth} has the
 * cluster fetch over HTTPS with a project deploy token instead of an SSH deploy key.
 */
@Command(name = "gitlab", description = {"Deploy Flux on a cluster connected to a GitLab repository.",
        "The bootstrap gitlab command creates the GitLab repository if it doesn't exist and commits the Flux manifests "
                + "to the specified branch. Then it configures the target cluster to synchronize with that repository. "
                + "If the Flux components are present on the cluster, the bootstrap command will perform an upgrade if needed."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Create a GitLab API token and export it as an env var",
                "  export GITLAB_TOKEN=<my-token>",
                "",
                "  # Run bootstrap for a private repository using HTTPS token authentication",
                "  fluxboot bootstrap gitlab --owner=<group> --repository=<repository name> --token-auth",
                "",
                "  # Run bootstrap for a private repository using SSH authentication",
                "  fluxboot bootstrap gitlab --owner=<group> --repository=<repository name>",
                "",
                "  # Run bootstrap for a repository path",
                "  fluxboot bootstrap gitlab --owner=<group> --repository=<repository name> --path=dev-cluster",
                "",
                "  # Run bootstrap for a public repository",
                "  fluxboot bootstrap gitlab --owner=<group> --repository=<repository name> --visibility=public --token-auth",
                "",
                "  # Run bootstrap for a private repository hosted on a GitLab server",
                "  fluxboot bootstrap gitlab --owner=<group> --repository=<repository name> --hostname=<gitlab_url> --token-auth",
                "",
                "  # Run bootstrap for a private repository using Deploy Token authentication",
                "  fluxboot bootstrap gitlab --owner=<group> --repository=<repository name> --deploy-token-auth"})
public final class BootstrapGitLabCommand extends ForgeBootstrapCommand {


    @Option(names = "--owner", paramLabel = "NAME", description = "GitLab user or group name")
    private String owner;

    @Option(names = "--repository", paramLabel = "NAME", description = "GitLab repository name")
    private String repository;

    @Option(names = "--team", paramLabel = "GROUP[:PERMISSION]", split = ",",
            description = "GitLab teams to be given maintainer access (also accepts comma-separated values)")
    private List<String> teams = new ArrayList<>();

    @Option(names = "--personal", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "if true, the owner is assumed to be a GitLab user; otherwise a group")
    private boolean personal;

    @Option(names = "--visibility", paramLabel = "private|internal|public", defaultValue = "private",
            completionCandidates = CompletionValues.GitLabVisibilities.class,
            description = "specifies the visibility of the repository (default: ${DEFAULT-VALUE})")
    private String visibility;

    @Option(names = "--hostname", paramLabel = "HOST", defaultValue = "gitlab.com",
            description = "GitLab hostname (default: ${DEFAULT-VALUE})")
    private String hostname;

    @Option(names = "--deploy-token-auth", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "when enabled, a Project Deploy Token is generated and will be used instead of the SSH deploy token")
    private boolean deployTokenAuth;

    @Override
    protected ForgeType forge() {
        return ForgeType.GITLAB;
    }

    @Override
    protected ForgeRepository.Builder repository(CliEnvironment environment) {
        noteVisibility(environment);
        return ForgeRepository.builder(ForgeType.GITLAB).owner(owner).name(repository).personal(personal)
                .hostname(hostname).visibility(forgeFlags().privateRepository(), visibility).teams(teams)
                .deployTokenAuth(deployTokenAuth);
    }

    /** {@code --visibility}; the deprecated {@code --private=false} makes it public, as in Flux, which says so. */
    private void noteVisibility(CliEnvironment environment) {
        if (!forgeFlags().privateRepository()) {
            environment.err().println("Using visibility public as --private=false");
        }
    }
}
