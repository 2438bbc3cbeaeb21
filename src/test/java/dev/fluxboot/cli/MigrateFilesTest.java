package dev.fluxboot.cli;

import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.ui.Prompter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxboot migrate -f}: the Flux objects of YAML files get the latest API versions of the target
 * release (its CRDs' storage versions, here the real v2.9.4 bundle); every other byte of each file stays.
 */
class MigrateFilesTest {

    /** Comments, quotes, a list item, kind before apiVersion, CRLF line ends, non-ASCII text, no final newline. */
    private static final String APPS = "# image automation of the apps ✓\n"
            + "apiVersion: image.toolkit.fluxcd.io/v1beta2 # keep this comment\n"
            + "kind: ImagePolicy\n"
            + "metadata:\n"
            + "  name: podinfo\n"
            + "spec:\n"
            + "  imageRepositoryRef: {name: podinfo}\n"
            + "---\n"
            + "kind: ImageRepository\n"
            + "apiVersion: \"image.toolkit.fluxcd.io/v1beta2\"\n"
            + "metadata: {name: podinfo}\n"
            + "---\r\n"
            + "apiVersion: source.toolkit.fluxcd.io/v1\r\n"
            + "kind: GitRepository\r\n"
            + "metadata: {name: apps}\r\n"
            + "---\r\n"
            + "apiVersion: notification.toolkit.fluxcd.io/v1beta2\r\n"
            + "kind: Alert\r\n"
            + "metadata: {name: apps}";
    private static final String APPS_MIGRATED = APPS
            .replace("apiVersion: image.toolkit.fluxcd.io/v1beta2 # keep", "apiVersion: image.toolkit.fluxcd.io/v1 # keep")
            .replace("\"image.toolkit.fluxcd.io/v1beta2\"", "\"image.toolkit.fluxcd.io/v1\"")
            .replace("notification.toolkit.fluxcd.io/v1beta2\r\nkind: Alert", "notification.toolkit.fluxcd.io/v1beta3\r\nkind: Alert");
    /** A list of objects, and kinds that are not Flux's in Flux-like groups. */
    private static final String LIST = """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: kustomize.toolkit.fluxcd.io/v1beta2
                kind: Kustomization
                metadata: {name: infra}
              - apiVersion: example.com/v1beta2
                kind: ImagePolicy
                metadata: {name: not-flux}
              - apiVersion: image.toolkit.fluxcd.io/v1beta2
                kind: Unknown
                metadata: {name: not-a-flux-kind}
            """;
    private static final String TEMPLATE = """
            apiVersion: helm.toolkit.fluxcd.io/v2beta1
            kind: HelmRelease
            metadata:
              name: {{ .Release.Name }}
            """;

    @TempDir
    Path work;
    private Path repository;

    @BeforeEach
    void aRepository() throws IOException {
        repository = Files.createDirectories(work.resolve("fleet"));
        Files.createDirectories(repository.resolve("apps/base"));
        Files.writeString(repository.resolve("apps/base/image.yaml"), APPS, StandardCharsets.UTF_8);
        Files.writeString(repository.resolve("infra.yml"), LIST);
        Files.writeString(repository.resolve("apps/release.tpl"), TEMPLATE);
        Files.writeString(repository.resolve("README.md"), "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\n");
        Files.createSymbolicLink(repository.resolve("apps/linked.yaml"), repository.resolve("apps/base/image.yaml"));
    }

    private CliRun migrate(Prompter prompter, String... extra) {
        List<String> args = new ArrayList<>(List.of("migrate", "--version", "v2.9.4", "--manifests",
                TestBundles.shared("v2.9.4").toString()));
        args.addAll(List.of(extra));
        return CliRun.run(Map.of(), prompter, args.toArray(String[]::new));
    }

    private Map<String, String> files() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(repository)) {
            for (Path file : paths.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).toList()) {
                files.put(repository.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void aDryRunListsEachObjectAndChangesNothing() throws IOException {
        // Given
        Map<String, String> before = files();

        // When
        CliRun run = migrate(Prompter.none(), "-f", repository.toString(), "--dry-run");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "► starting migration of custom resources",
                "⚠️ skipping irregular file " + repository.resolve("apps/linked.yaml"),
                "✚ " + repository.resolve("apps/base/image.yaml") + ":2: ImagePolicy v1beta2 -> v1",
                "✚ " + repository.resolve("apps/base/image.yaml") + ":10: ImageRepository v1beta2 -> v1",
                "✚ " + repository.resolve("apps/base/image.yaml") + ":17: Alert v1beta2 -> v1beta3",
                "✚ " + repository.resolve("infra.yml") + ":4: Kustomization v1beta2 -> v1",
                "✔ dry-run mode enabled, no changes will be made");
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void withYesEachVersionIsRewrittenAndEveryOtherByteKept() throws IOException {
        // When
        CliRun run = migrate(Prompter.none(), "-f", repository.toString(), "--yes");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).contains(
                "✔ file " + repository.resolve("apps/base/image.yaml") + " migrated successfully",
                "✔ file " + repository.resolve("infra.yml") + " migrated successfully",
                "✔ custom resources migrated successfully");
        assertThat(files()).isEqualTo(Map.of(
                "apps/base/image.yaml", APPS_MIGRATED,
                "infra.yml", LIST.replace("kustomize.toolkit.fluxcd.io/v1beta2", "kustomize.toolkit.fluxcd.io/v1"),
                "apps/release.tpl", TEMPLATE,
                "README.md", "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\n"));
    }

    @Test
    void aRerunFindsNothingLeft() {
        migrate(Prompter.none(), "-f", repository.toString(), "--yes");

        CliRun again = migrate(Prompter.none(), "-f", repository.toString(), "--yes");

        assertThat(again.exitCode()).isZero();
        assertThat(again.errLines()).last().isEqualTo("✔ no custom resources found that require migration");
    }

    @Test
    void extensionsChooseTheFilesAndASingleFileCanBeGiven() throws IOException {
        // When
        CliRun templates = migrate(Prompter.none(), "-f", repository.toString(), "--extensions=.tpl", "--yes");
        CliRun single = migrate(Prompter.none(), "-f", repository.resolve("infra.yml").toString(), "-y");

        // Then
        assertThat(templates.exitCode()).as(templates.err()).isZero();
        assertThat(single.exitCode()).as(single.err()).isZero();
        assertThat(files()).containsEntry("apps/release.tpl", TEMPLATE.replace("v2beta1", "v2"))
                .containsEntry("infra.yml", LIST.replace("kustomize.toolkit.fluxcd.io/v1beta2", "kustomize.toolkit.fluxcd.io/v1"))
                .containsEntry("apps/base/image.yaml", APPS);
    }

    @Test
    void withoutATerminalAndWithoutYesNothingIsWritten() throws IOException {
        // Given
        Map<String, String> before = files();

        // When
        CliRun run = migrate(Prompter.none(), "-f", repository.toString());

        // Then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).last().isEqualTo("✗ there is no terminal to confirm the migration: rerun with --yes"
                + " to migrate without asking, or with --dry-run to only list the changes");
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void aNoAtTheTerminalWritesNothing() throws IOException {
        // Given
        Map<String, String> before = files();
        Prompter no = new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                assertThat(question).isEqualTo("Are you sure you want to proceed with the above upgrades");
                return false;
            }
        };

        // When
        CliRun run = migrate(no, "-f", repository.toString());

        // Then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).last().isEqualTo("✗ migration cancelled");
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void badPathsAndFlagsAreUsageErrorsBeforeAnythingIsRead() {
        CliRun missing = migrate(Prompter.none(), "-f", repository.resolve("nowhere").toString());
        CliRun wrongExtension = migrate(Prompter.none(), "-f", repository.resolve("README.md").toString());
        CliRun link = migrate(Prompter.none(), "-f", repository.resolve("apps/linked.yaml").toString());
        CliRun extensionsWithoutPath = CliRun.run("migrate", "--extensions=.tpl");
        CliRun manifestsWithoutVersion = CliRun.run("migrate", "-f", repository.toString(), "--manifests",
                TestBundles.shared("v2.9.4").toString());

        assertThat(List.of(missing, wrongExtension, link, extensionsWithoutPath, manifestsWithoutVersion))
                .allSatisfy(run -> {
                    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
                    assertThat(run.out()).isEmpty();
                });
        assertThat(missing.errLines()).last().isEqualTo("✗ --path: " + repository.resolve("nowhere") + " does not exist");
        assertThat(wrongExtension.errLines()).last().isEqualTo("✗ --path: file " + repository.resolve("README.md")
                + " does not match the extensions .yaml, .yml; give a folder or a file with one of them (--extensions)");
        assertThat(link.errLines()).last().asString().startsWith("✗ --path: file " + repository.resolve("apps/linked.yaml")
                + " is not a regular file");
        assertThat(extensionsWithoutPath.errLines()).singleElement()
                .isEqualTo("✗ --extensions only applies with --path: give the folder to migrate with -f");
        assertThat(manifestsWithoutVersion.errLines()).singleElement().asString()
                .startsWith("✗ --manifests requires --version");
    }

    @Test
    void anOlderTargetReleaseMovesToItsOwnLatestVersions() throws IOException {
        // Given the v2.8.1 bundle: it still serves image.toolkit.fluxcd.io/v1beta2, but stores v1
        Path file = repository.resolve("apps/base/image.yaml");

        // When
        CliRun run = CliRun.run("migrate", "--version", "v2.8.1", "--manifests", TestBundles.shared("v2.8.1").toString(),
                "-f", file.toString(), "--yes");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(APPS_MIGRATED);
    }
}
