package dev.fluxboot.cli;

import dev.fluxboot.api.ForgeRepository;
import dev.fluxboot.api.ForgeType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code fluxboot bootstrap bitbucket-server}: the flags of {@code flux bootstrap bitbucket-server},
 * run with Bitbucket Server (Data Center) as the Git host. {@code --hostname} is required;
 * {@code --owner} is a project (or a user with {@code --personal}).
 */
@Command(name = "bitbucket-server", description = {"Deploy Flux on a cluster connected to a Bitbucket Server repository.",
        "The bootstrap bitbucket-server command creates the Bitbucket Server repository if it doesn't exists and commits "
                + "the Flux manifests to the master branch. Then it configures the target cluster to synchronize with "
                + "the repository. If the Flux components are present on the cluster, the bootstrap command will "
                + "perform an upgrade if needed."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Create a Bitbucket Server API token and export it as an env var",
                "  export BITBUCKET_TOKEN=<my-token>",
                "",
                "  # Run bootstrap for a private repository using HTTPS token authentication",
                "  fluxboot bootstrap bitbucket-server --owner=<project> --username=<user> --repository=<repository name> \\",
                "    --hostname=<domain> --token-auth --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a private repository using SSH authentication",
                "  fluxboot bootstrap bitbucket-server --owner=<project> --username=<user> --repository=<repository name> \\",
                "    --hostname=<domain> --path=clusters/my-cluster",
                "",
                "  # Run bootstrap for a public repository on a personal account",
                "  fluxboot bootstrap bitbucket-server --owner=<user> --repository=<repository name> --private=false \\",
                "    --personal --hostname=<domain> --token-auth --path=clusters/my-cluster"})
public final class BootstrapBitbucketServerCommand extends ForgeBootstrapCommand {

    @Option(names = "--owner", paramLabel = "NAME", description = "Bitbucket Server user or project name")
    private String owner;

    @Option(names = "--repository", paramLabel = "NAME", description = "Bitbucket Server repository name")
    private String repository;

    @Option(names = "--group", paramLabel = "GROUP[:PERMISSION]", split = ",",
            description = "Bitbucket Server groups to be given write access (also accepts comma-separated values)")
    private List<String> groups = new ArrayList<>();

    @Option(names = "--personal", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "if true, the owner is assumed to be a Bitbucket Server user; otherwise a group")
    private boolean personal;

    @Option(names = {"-u", "--username"}, paramLabel = "NAME", defaultValue = "git",
            description = "authentication username (default: ${DEFAULT-VALUE})")
    private String username;

    @Option(names = "--hostname", paramLabel = "HOST", defaultValue = "", description = "Bitbucket Server hostname")
    private String hostname;

    @Override
    protected ForgeType forge() {
        return ForgeType.BITBUCKET_SERVER;
    }

    @Override
    protected ForgeRepository.Builder repository(CliEnvironment environment) {
        return ForgeRepository.builder(ForgeType.BITBUCKET_SERVER).owner(owner).name(repository).personal(personal)
                .hostname(hostname).visibility(forgeFlags().privateRepository(), "").teams(groups).username(username);
    }
}
