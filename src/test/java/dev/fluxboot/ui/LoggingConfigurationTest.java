package dev.fluxboot.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test classpath's simplelogger.properties shadows the product's: it must say what the
 * product's says (and only add test-only lines), or tests that check library log lines would
 * check another configuration than the one users run.
 */
class LoggingConfigurationTest {

    private static final String TEST_ONLY = "org.slf4j.simpleLogger.log.org.testcontainers=off";

    @Test
    void theTestConfigurationIsTheProductsPlusTestOnlyLines() throws IOException {
        List<String> product = settings(Path.of("src/main/resources/simplelogger.properties"));
        List<String> test = settings(Path.of("src/test/resources/simplelogger.properties"));

        assertThat(test).containsAll(product);
        assertThat(test).filteredOn(line -> !line.equals(TEST_ONLY)).containsExactlyElementsOf(product);
        assertThat(product).contains("org.slf4j.simpleLogger.log.org.apache.sshd=off",
                "org.slf4j.simpleLogger.log.org.eclipse.jgit=off");
    }

    private static List<String> settings(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
