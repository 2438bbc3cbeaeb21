package dev.fluxboot.manifests.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.FluxbootException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Reading YAML streams the way kustomize (go-yaml v3) types them. */
class GoYamlLoadTest {

    @Test
    void emptyDocumentsAreLeftOut() {
        // Given a stream starting with ---, with a comments-only and an empty document
        String yaml = "---\na: 1\n---\n# only a comment\n---\n---\nb: x\n...\n";

        // When read
        List<Object> documents = GoYaml.loadAll(yaml);

        // Then only the two real documents remain, in order
        assertThat(documents).containsExactly(Map.of("a", 1L), Map.of("b", "x"));
    }

    @Test
    void scalarsAreTypedAsGoYamlV3ReadsThem() {
        // Given plain and quoted scalars of every kind
        String yaml = """
                quoted: '1000'
                port: 8080
                negative: -3
                hex: 0x1F
                octal: 0o17
                oldOctal: 017
                underscores: 1_000
                binary: 0b101
                uint64: 18446744073709551615
                float: 1.5
                exponent: 1e3
                inf: .inf
                yes: yes
                on: off
                bool: true
                capital: True
                nothing: ~
                empty:
                date: 2024-01-15
                version: v1.2.3
                literal: |
                  a
                  b
                """;

        // When read
        Map<?, ?> doc = (Map<?, ?>) GoYaml.loadAll(yaml).get(0);

        // Then YAML 1.2 booleans only, Go's integer syntax, timestamps as text
        assertThat(doc.get("quoted")).isEqualTo("1000");
        assertThat(doc.get("port")).isEqualTo(8080L);
        assertThat(doc.get("negative")).isEqualTo(-3L);
        assertThat(doc.get("hex")).isEqualTo(31L);
        assertThat(doc.get("octal")).isEqualTo(15L);
        assertThat(doc.get("oldOctal")).isEqualTo(15L);
        assertThat(doc.get("underscores")).isEqualTo(1000L);
        assertThat(doc.get("binary")).isEqualTo(5L);
        assertThat(doc.get("uint64")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(doc.get("float")).isEqualTo(1.5);
        assertThat(doc.get("exponent")).isEqualTo(1000.0);
        assertThat(doc.get("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(doc.get("yes")).isEqualTo("yes");
        assertThat(doc.get("on")).isEqualTo("off");
        assertThat(doc.get("bool")).isEqualTo(true);
        assertThat(doc.get("capital")).isEqualTo(true);
        assertThat(doc.containsKey("nothing")).isTrue();
        assertThat(doc.get("nothing")).isNull();
        assertThat(doc.get("empty")).isNull();
        assertThat(doc.get("date")).isEqualTo("2024-01-15");
        assertThat(doc.get("version")).isEqualTo("v1.2.3");
        assertThat(doc.get("literal")).isEqualTo("a\nb\n");
    }

    @Test
    void nonStringKeysBecomeStrings() {
        // Given a ConfigMap-like mapping with numeric keys
        Map<?, ?> doc = (Map<?, ?>) GoYaml.loadAll("data:\n  9000: default/svc:8080\n  true: x\n").get(0);

        // Then the keys are text, as in JSON
        assertThat(List.copyOf(((Map<?, ?>) doc.get("data")).keySet())).isEqualTo(List.of("9000", "true"));
    }

    @Test
    void readingThenWritingGoesThroughJsonTypes() {
        // Given YAML a user wrote in other styles
        String yaml = "b: 1.0\na: 'yes'\nc: [x, {}]\nd: !!str 12\n";

        // When read and written
        String written = GoYaml.dump(GoYaml.loadAll(yaml).get(0));

        // Then it is what kustomize writes
        assertThat(written).isEqualTo("a: \"yes\"\nb: 1\nc:\n- x\n- {}\nd: \"12\"\n");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> GoYaml.loadAll("a: 1\na: 2\n"))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("invalid YAML: ")
                .hasMessageContaining("a")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void malformedYamlIsOneLineWithItsPosition() {
        assertThatThrownBy(() -> GoYaml.loadAll("a: [1, 2\nb: c\n"))
                .isInstanceOf(FluxbootException.class)
                .hasMessageStartingWith("invalid YAML: ")
                .hasMessageContaining("line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /*
     * Linear in the text's length, proved by counting rather than timing: snakeyaml-engine's
     * reader copies its window (from the start of the token being scanned to the end of what it
     * has read) once per chunk it reads, so a scalar spread over k chunks costs k copies of up
     * to its whole length. A reader that takes any text in at most two reads (the text, then the
     * end) copies at most twice: linear. With 1 KiB chunks, 4 MiB is 4096 reads and copies.
     */
    @Test
    void aLineLongScalarIsReadInAtMostTwoReadsWhateverItsLength() {
        for (int size : new int[] {64 * 1024, 1024 * 1024, 4 * 1024 * 1024}) {
            // Given a document whose one scalar is a single line of `size` chars
            String yaml = "data:\n  big: " + "a".repeat(size) + "\n";
            CountingReader source = new CountingReader(yaml);

            // When parsed with the settings the loader chooses for that text
            String big = lastScalar(GoYamlLoader.settingsFor(yaml), source);

            // Then the whole scalar came out, and the reader was asked at most twice
            assertThat(big).hasSize(size);
            assertThat(source.reads).as("reads of a %d-char line", size).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void smallChunksWouldReadALongLineInProportionToItsLength() {
        // Given a 64 KiB line and the loader's settings for a short text (1 KiB chunks)
        String yaml = "data:\n  big: " + "a".repeat(64 * 1024) + "\n";
        CountingReader source = new CountingReader(yaml);

        // When parsed with them
        lastScalar(GoYamlLoader.settingsFor("a: 1\n"), source);

        // Then the reader is asked once per chunk: what settingsFor avoids for long texts
        assertThat(source.reads).isGreaterThan(yaml.length() / GoYamlLoader.CHUNK_CHARS);
    }

    @Test
    void aLongLineLoadsWhole() {
        // Given a 4 MiB single-line value beside an ordinary one
        String value = "x".repeat(4 * 1024 * 1024);
        String yaml = "kind: ConfigMap\ndata:\n  big: \"" + value + "\"\n  small: ok\n";

        // When read
        Map<?, ?> doc = (Map<?, ?>) GoYaml.loadAll(yaml).get(0);

        // Then both values are there
        assertThat(doc.get("data")).isEqualTo(Map.of("big", value, "small", "ok"));
    }

    private static String lastScalar(LoadSettings settings, Reader source) {
        Parser parser = new ParserImpl(settings, new StreamReader(settings, source));
        String last = null;
        while (parser.hasNext()) {
            Event event = parser.next();
            if (event instanceof ScalarEvent scalar) {
                last = scalar.getValue();
            }
        }
        return last;
    }

    /** A reader of a text that counts how often it is asked for more. */
    private static final class CountingReader extends Reader {
        private final StringReader text;
        private int reads;

        CountingReader(String text) {
            this.text = new StringReader(text);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            reads++;
            return text.read(buffer, offset, length);
        }

        @Override
        public void close() {
            text.close();
        }
    }
}
