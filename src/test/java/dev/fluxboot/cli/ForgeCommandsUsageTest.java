package dev.fluxboot.cli;

import dev.fluxboot.UsageException;
import dev.fluxboot.api.ForgeType;
import dev.fluxboot.ui.PipedInput;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The four forge commands' flags and usage errors: Flux's flag names, exit 2 with one line naming
 * the flag, before any network or cluster access (the kubeconfig points nowhere); the token's
 * variable, prompt and teams parsing.
 */
class ForgeCommandsUsageTest {

    @TempDir
    Path work;

    private CliRun run(Map<String, String> env, String forge, String... args) {
        List<String> all = new ArrayList<>(List.of("bootstrap", forge, "--kubeconfig", work.resolve("none").toString()));
        all.addAll(List.of(args));
        return CliRun.run(env, all.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"github", "gitlab", "gitea", "bitbucket-server"})
    void everyForgeTakesFluxsFlagsAndOurs(String forge) {
        CliRun help = run(Map.of(), forge, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--owner=", "--repository=", "--personal", "--private", "--read-write-key",
                "--reconcile", "--hostname=", "--path=", "--interval=", "--token-auth", "--ssh-hostname=", "--api-url=",
                "--ca-file=", "--branch=", "--secret-name=", "--private-key-file=", "--ssh-key-algorithm=",
                "--author-name=", "--components-extra=", "--version=", "--registry=", "--kubeconfig=", "--timeout=");
        assertThat(help.out()).contains(forge.equals("bitbucket-server") ? "--group=" : "--team=");
    }

    @Test
    void gitlabHasVisibilityAndDeployTokenAuthAndBitbucketHasUsername() {
        assertThat(run(Map.of(), "gitlab", "--help").out()).contains("--visibility=private|internal|public",
                "--deploy-token-auth", "GitLab user or group name");
        assertThat(run(Map.of(), "bitbucket-server", "--help").out()).contains("-u, --username=NAME",
                "authentication username (default: git)");
        assertThat(run(Map.of(), "github", "--help").out()).contains("GitHub hostname (default: github.com)");
        assertThat(run(Map.of(), "gitea", "--help").out()).contains("Gitea hostname (default: gitea.com)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"github", "gitlab", "gitea", "bitbucket-server"})
    void ownerIsRequired(String forge) {
        CliRun run = run(Map.of(), forge, "--repository", "fleet", "--hostname", "git.example.com");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("✗ --owner is required");
    }

    @Test
    void repositoryIsRequired() {
        CliRun run = run(Map.of(), "github", "--owner", "fleet");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("✗ --repository is required");
    }

    @Test
    void apiUrlMustBeHttps() {
        CliRun run = run(Map.of("GITHUB_TOKEN", "ghp_neverShownToken0"), "github", "--owner", "fleet",
                "--repository", "infra", "--api-url", "http://git.example.com/api/v3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("✗ --api-url http://git.example.com/api/v3 is not an https URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"github", "gitlab", "gitea", "bitbucket-server"})
    void sparseCheckoutFoldersAreCheckedBeforeTheToken(String forge) {
        CliRun run = run(Map.of(), forge, "--owner", "fleet", "--repository", "infra", "--hostname", "git.example.com",
                "--path", "clusters/prod", "--sparse-checkout", "clusters,../shared");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().isEqualTo("✗ --sparse-checkout \"../shared\" leaves the "
                + "repository (..): give a folder relative to the repository root, e.g. "
                + "--sparse-checkout=clusters/my-cluster");
    }

    @Test
    void gitlabVisibilityIsChecked() {
        CliRun run = run(Map.of(), "gitlab", "--owner", "fleet", "--repository", "infra", "--visibility", "secret");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("✗ unsupported visibility 'secret' (--visibility): use private, internal or public");
    }

    @Test
    void bitbucketNeedsAHostname() {
        CliRun run = run(Map.of(), "bitbucket-server", "--owner", "FLEET", "--repository", "infra");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("✗ invalid hostname \"\": pass --hostname");
    }

    @Test
    void withoutTokenNorTerminalTheLineNamesTheVariable() {
        CliRun run = run(Map.of(), "gitea", "--owner", "fleet", "--repository", "infra");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().isEqualTo("✗ GITEA_TOKEN is not set and there is no "
                + "terminal to ask for the token, so set it: export GITEA_TOKEN=<Gitea personal access token>");
    }

    @Test
    void tokenComesFromTheVariableFirstThenFromThePrompt() {
        List<String> prompts = new ArrayList<>();
        Prompter person = answering(prompts, "  typed-token-1234 ");

        assertThat(ForgeTokens.resolve(ForgeType.GITLAB, Map.of("GITLAB_TOKEN", "from-env-5678"), person,
                PipedInput.none()))
                .isEqualTo("from-env-5678");
        assertThat(prompts).isEmpty();
        assertThat(ForgeTokens.resolve(ForgeType.GITLAB, Map.of("GITLAB_TOKEN", " "), person, PipedInput.none()))
                .isEqualTo("typed-token-1234");
        assertThat(prompts).containsExactly("Please enter your GitLab personal access token (PAT): ");
    }

    @Test
    void anEmptyAnswerAtThePromptIsRefused() {
        assertThatThrownBy(() -> ForgeTokens.resolve(ForgeType.BITBUCKET_SERVER, Map.of(),
                answering(new ArrayList<>(), ""), PipedInput.none()))
                .isInstanceOf(UsageException.class)
                .hasMessage("no Bitbucket token was entered: enter one at the prompt, or export BITBUCKET_TOKEN");
    }

    private static Prompter answering(List<String> prompts, String answer) {
        return new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                return false;
            }

            @Override
            public Optional<String> readSecret(String prompt) {
                prompts.add(prompt);
                return Optional.of(answer);
            }
        };
    }
}
