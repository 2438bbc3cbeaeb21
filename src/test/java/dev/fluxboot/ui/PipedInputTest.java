package dev.fluxboot.ui;

import dev.fluxboot.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One secret line from a piped standard input, as the Flux CLI reads it: up to the line end, which is dropped. */
class PipedInputTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // piped (⏎ is \n, ␍ is \r) | the line (empty: none)
            "token⏎                     | token",
            "token␍⏎                    | token",
            "token␍␍⏎                   | token",
            "token                      | token",
            "\" pass word ⏎\"           | \" pass word \"",
            "first⏎second⏎              | first",
            "⏎token-on-line-two⏎        | \"\"",
            "\"\"                       | \"\""})
    void readsTheFirstLineWithoutItsLineEnd(String piped, String line) {
        PipedInput input = PipedInput.of(piped.replace("⏎", "\n").replace("␍", "\r"));

        Optional<String> read = input.readLine();

        assertThat(input.piped()).isTrue();
        assertThat(read).isEqualTo(line.isEmpty() ? Optional.empty() : Optional.of(line));
    }

    @Test
    void noneIsNotPipedAndReadsNothing() {
        assertThat(PipedInput.none().piped()).isFalse();
        assertThat(PipedInput.none().readLine()).isEmpty();
    }

    @Test
    void aFirstLineLongerThanASecretIsRefused() {
        PipedInput input = PipedInput.of("x".repeat(PipedInput.MAX_LINE_BYTES + 1) + "\n");

        assertThatThrownBy(input::readLine).isInstanceOf(UsageException.class)
                .hasMessage("standard input is not one line of a secret (its first line is longer than 65536 bytes): "
                        + "pipe in only the token or password");
    }

    @Test
    void aLineIsNotReadPastItsEnd() {
        // Given a stream that fails when read beyond the first line
        InputStream stream = new InputStream() {
            private final byte[] bytes = "line\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            private int next;

            @Override
            public int read() {
                if (next == bytes.length) {
                    throw new AssertionError("read past the first line");
                }
                return bytes[next++];
            }
        };

        assertThat(PipedInput.of(stream).readLine()).contains("line");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/dev/pts/3, true", "/dev/tty1, true", "/dev/ttyS0, true", "/dev/console, true",
            "pipe:[12345], false", "/dev/null, false", "/home/me/token.txt, false", "socket:[99], false"})
    void terminalDevicesAreToldApartFromPipesAndFiles(String device, boolean terminal) {
        assertThat(PipedInput.isTerminalDevice(device)).isEqualTo(terminal);
    }
}
