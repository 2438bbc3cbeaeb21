package dev.fluxboot.cli;

import dev.fluxboot.UsageException;
import dev.fluxboot.api.ForgeType;
import dev.fluxboot.ui.PipedInput;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A forge token or a {@code bootstrap git --token-auth} password that neither a flag nor a variable
 * gave comes from standard input when it is piped, as in the Flux CLI ({@code echo $TOKEN | flux
 * bootstrap github}); stdin is read only then, never echoed, and an empty one is one line naming the
 * variable or flag, exit 2. The runs are in-process with stdin injected as a pipe; the kubeconfig
 * points nowhere, so a run that gets past the secret fails at the cluster, exit 1.
 */
class SecretsFromStdinTest {

    private static final String PIPED_TOKEN = "gt_pipedTokenNeverShown4711";
    private static final String PIPED_PASSWORD = "piped password never shown 0815";

    @TempDir
    Path work;

    /** Piped standard input that records whether anything read it. */
    private static final class Stdin extends InputStream {
        private final ByteArrayInputStream text;
        private boolean read;

        Stdin(String text) {
            this.text = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int read() {
            read = true;
            return text.read();
        }

        PipedInput piped() {
            return PipedInput.of(this);
        }
    }

    private CliRun run(Map<String, String> env, Stdin stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("bootstrap"));
        all.addAll(List.of(args));
        all.addAll(List.of("--kubeconfig", work.resolve("none").toString()));
        return CliRun.run(env, stdin.piped(), all.toArray(String[]::new));
    }

    private static Map<String, String> env(String variable, String value) {
        Map<String, String> env = new HashMap<>();
        if (!value.isEmpty()) {
            env.put(variable, value);
        }
        return env;
    }

    @ParameterizedTest(name = "{0}=''{1}'', stdin ''{2}'' -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // variable     | its value     | piped stdin (\n as ⏎)   | token       | stdin read
            "GITHUB_TOKEN   | env-token-1   | piped-token-2⏎          | env-token-1 | false",
            "GITHUB_TOKEN   | \" \"         | piped-token-2⏎          | piped-token-2 | true",
            "GITLAB_TOKEN   | \"\"            | piped-token-2⏎second⏎   | piped-token-2 | true",
            "GITEA_TOKEN    | \"\"            | piped-token-2\r⏎        | piped-token-2 | true",
            "BITBUCKET_TOKEN| \"\"            | \" piped-token-2 ⏎\"    | piped-token-2 | true",
            "GITHUB_TOKEN   | \"\"            | piped-token-2           | piped-token-2 | true"})
    void theVariableWinsElseTheFirstLineOfPipedStdin(String variable, String value, String piped, String token,
                                                      boolean read) {
        // Given
        ForgeType forge = ForgeType.named(forgeOf(variable)).orElseThrow();
        Stdin stdin = new Stdin(piped.replace("⏎", "\n").replace("\\r", "\r"));

        // When
        String resolved = ForgeTokens.resolve(forge, env(variable, value.strip()), Prompter.none(), stdin.piped());

        // Then
        assertThat(resolved).isEqualTo(token);
        assertThat(stdin.read).isEqualTo(read);
    }

    private static String forgeOf(String variable) {
        return switch (variable) {
            case "GITHUB_TOKEN" -> "github";
            case "GITLAB_TOKEN" -> "gitlab";
            case "GITEA_TOKEN" -> "gitea";
            default -> "bitbucket-server";
        };
    }

    @ParameterizedTest(name = "stdin ''{0}''")
    @CsvSource(value = {"''", "⏎", "' ⏎token-on-line-two⏎'"})
    void anEmptyFirstLineIsRefusedNamingTheVariable(String piped) {
        Stdin stdin = new Stdin(piped.replace("⏎", "\n"));

        assertThatThrownBy(() -> ForgeTokens.resolve(ForgeType.GITHUB, Map.of(), Prompter.none(), stdin.piped()))
                .isInstanceOf(UsageException.class)
                .hasMessage("GITHUB_TOKEN is not set and standard input (not a terminal) gave no token: pipe the "
                        + "GitHub token in on its first line, or export GITHUB_TOKEN=<GitHub personal access token>");
    }

    @Test
    void aForgeCommandWithEmptyPipedStdinFailsInOneLineExitTwo() {
        // When
        CliRun run = run(Map.of(), new Stdin(""), "gitea", "--owner", "fleet", "--repository", "infra");

        // Then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().isEqualTo("✗ GITEA_TOKEN is not set and standard input "
                + "(not a terminal) gave no token: pipe the Gitea token in on its first line, or export "
                + "GITEA_TOKEN=<Gitea personal access token>");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aForgeCommandTakesThePipedTokenAndNeverShowsIt() {
        // Given
        Stdin stdin = new Stdin(PIPED_TOKEN + "\n");

        // When
        CliRun run = run(Map.of(), stdin, "gitea", "--owner", "fleet", "--repository", "infra", "--verbose");

        // Then: past the token, the run fails at the cluster; the token is nowhere in the output
        assertThat(stdin.read).isTrue();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("GITEA_TOKEN").contains("kubeconfig");
        assertThat(run.out() + run.err()).doesNotContain(PIPED_TOKEN);
    }

    @Test
    void usageErrorsComeBeforeStdinIsRead() {
        Stdin stdin = new Stdin(PIPED_TOKEN + "\n");

        CliRun run = run(Map.of(), stdin, "github", "--repository", "infra");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("✗ --owner is required");
        assertThat(stdin.read).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--token-auth        | --token-auth",
            "--with-bearer-token | --with-bearer-token"})
    void gitTokenAuthWithEmptyPipedStdinNamesTheFlag(String flag, String named) {
        CliRun run = run(Map.of(), new Stdin("\n"), "git", "--url", "https://git.example.com/fleet.git", flag);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().isEqualTo("✗ " + named + " needs the token and standard "
                + "input (not a terminal) gave none: pipe it in on its first line, or pass --password or set "
                + "GIT_PASSWORD");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // flags                                                                 | GIT_PASSWORD  | stdin read
            "--url=https://git.example.com/fleet.git --token-auth --password=given-pw | ''           | false",
            "--url=https://git.example.com/fleet.git --token-auth                     | from-env-pw  | false",
            "--url=ssh://git@git.example.com/fleet.git --silent                       | ''           | false",
            "--url=https://git.example.com/fleet.git --token-auth                     | ''           | true",
            "--url=https://git.example.com/fleet.git --with-bearer-token              | ''           | true"})
    void gitReadsStdinOnlyForTokenAuthWithoutAPassword(String flags, String gitPassword, boolean read) {
        // Given
        Stdin stdin = new Stdin(PIPED_PASSWORD + "\n");
        List<String> args = new ArrayList<>(List.of("git"));
        args.addAll(List.of(flags.split(" ")));

        // When
        CliRun run = run(env("GIT_PASSWORD", gitPassword), stdin, args.toArray(String[]::new));

        // Then: every run gets past its password and fails at the cluster
        assertThat(stdin.read).as(run.err()).isEqualTo(read);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("kubeconfig");
        assertThat(run.out() + run.err()).doesNotContain(PIPED_PASSWORD);
    }
}
