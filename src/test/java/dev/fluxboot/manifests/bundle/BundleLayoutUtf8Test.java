package dev.fluxboot.manifests.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bundle files are read as strict UTF-8: what is not UTF-8 is refused, never replaced. */
class BundleLayoutUtf8Test {

    @Test
    void utf8TextIsReadExactlyEvenWithAReplacementCharacterInIt() throws CharacterCodingException {
        // Given ASCII, other scripts, a 4-byte character and a real U+FFFD
        String text = "kind: ConfigMap\ndata:\n  a: \"ü ✔ 日本 \uD83D\uDE00 \uFFFD\"\n";

        // When
        String read = BundleLayout.strictUtf8(text.getBytes(StandardCharsets.UTF_8));

        // Then
        assertThat(read).isEqualTo(text);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        // Given a Latin-1 ü, a lone continuation byte, an overlong '/', an encoded surrogate, a cut sequence
        byte[][] notUtf8 = {
                {'a', (byte) 0xFC, 'b'},
                {'a', (byte) 0x80},
                {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {'a', (byte) 0xE2, (byte) 0x9C}};

        for (byte[] bytes : notUtf8) {
            // When / Then
            assertThatThrownBy(() -> BundleLayout.strictUtf8(bytes)).isInstanceOf(CharacterCodingException.class);
        }
    }
}
