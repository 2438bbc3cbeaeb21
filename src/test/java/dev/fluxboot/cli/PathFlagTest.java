package dev.fluxboot.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --path} values that leave the repository are refused by every command that takes it
 * (exit 2, one line naming the value), before anything is read or written: the kubeconfig and
 * the repositories point nowhere, and the temporary directory stays as it was.
 */
class PathFlagTest {

    private static final List<String> OUTSIDE = List.of("..", "../x", "/abs", "a/../../b", "a\nb", "x\u001b[2J");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {
            "bootstrap git --url=ssh://git@127.0.0.1:1/org/fleet.git --silent",
            "bootstrap github --owner=org --repository=fleet",
            "bootstrap gitlab --owner=org --repository=fleet",
            "bootstrap gitea --owner=org --repository=fleet",
            "bootstrap bitbucket-server --owner=org --repository=fleet --hostname=127.0.0.1:1",
            "uninstall --silent --from-git=git --url=ssh://git@127.0.0.1:1/org/fleet.git",
            "uninstall --silent --from-git=github --owner=org --repository=fleet"})
    void everyCommandRefusesAPathOutsideTheRepository(String command) throws Exception {
        for (String path : OUTSIDE) {
            // Given
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.addAll(List.of("--path", path, "--kubeconfig", work.resolve("none").toString()));
            Map<String, String> env = Map.of("HOME", work.toString(), "GITHUB_TOKEN", "t0ken-for-test",
                    "GITLAB_TOKEN", "t0ken-for-test", "GITEA_TOKEN", "t0ken-for-test", "BITBUCKET_TOKEN", "t0ken-for-test");

            // When
            CliRun run = CliRun.run(env, args.toArray(String[]::new));

            // Then
            assertThat(run.exitCode()).as(command + " --path " + path + ": " + run.err()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).as(command).singleElement().asString()
                    .startsWith("✗ --path \"" + path.replace("\n", "\\n").replace("\u001b", "\\u001b") + "\" ")
                    .endsWith("give a folder relative to the repository root, e.g. --path=clusters/my-cluster");
            try (var files = Files.list(work)) {
                assertThat(files.toList()).isEmpty();
            }
        }
    }
}
