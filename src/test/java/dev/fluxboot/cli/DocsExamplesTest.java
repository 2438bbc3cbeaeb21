package dev.fluxboot.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the documentation shows a command printing is what this build prints. */
class DocsExamplesTest {

    @Test
    void cliMdShowsTheVersionOutputOfThisBuild() throws IOException {
        String cliMd = Files.readString(Path.of("docs/cli.md"));

        String text = CliRun.run("version", "--client").out();
        String json = CliRun.run("version", "--client", "-o", "json").out();

        assertThat(cliMd).contains("$ fluxboot version --client\n" + text)
                .contains("$ fluxboot version --client -o json\n" + json);
    }

    @Test
    void readmeListsEveryMarkerAndEveryDoc() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme).contains("`✚`", "`►`", "`✔`", "`◎`", "`⚠️`", "`✗`");
        try (var docs = Files.list(Path.of("docs"))) {
            assertThat(docs.map(doc -> doc.getFileName().toString()).toList())
                    .allSatisfy(doc -> assertThat(readme).contains(doc));
        }
    }
}
