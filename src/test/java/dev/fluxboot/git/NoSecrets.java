package dev.fluxboot.git;

import dev.fluxboot.testing.RecordingReporter;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts that no secret shows in an exception (message, causes, full stack trace text) or in reported lines. */
final class NoSecrets {

    private NoSecrets() {
    }

    static void assertNoSecretIn(Throwable thrown, RecordingReporter reporter, String... secrets) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        String everything = trace + "\n" + thrown + "\n" + String.join("\n", reporter.lines());
        for (String secret : secrets) {
            assertThat(secret).isNotBlank();
            assertThat(everything).doesNotContain(secret);
            // Private keys: no single line of base64 body may leak either.
            for (String line : secret.split("\n")) {
                if (line.length() >= 20 && !line.startsWith("-----")) {
                    assertThat(everything).doesNotContain(line);
                }
            }
        }
    }
}
