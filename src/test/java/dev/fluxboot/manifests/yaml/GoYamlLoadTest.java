package dev.fluxboot.manifests.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.FluxbootException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
