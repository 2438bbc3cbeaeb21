package dev.fluxboot.manifests.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * go-yaml v2's writer, rule by rule. Expected texts are worked out from the v2 encoder and
 * emitter (or taken from go-yaml v2's own marshal tests), not from this implementation.
 */
class GoYamlDumpTest {

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private static String value(Object v) {
        return GoYaml.dump(map("k", v));
    }

    @Nested
    class Layout {

        @Test
        void nestedMapsIndentByTwoAndSequencesSitUnderTheirKey() {
            // Given maps and lists nested in each other
            Object doc = map("spec", map("ports", list(map("port", 80L, "name", "http")),
                    "args", list("--a", "--b")));

            // When written
            String yaml = GoYaml.dump(doc);

            // Then maps indent by 2, a sequence under a key is not indented
            assertThat(yaml).isEqualTo("""
                    spec:
                      args:
                      - --a
                      - --b
                      ports:
                      - name: http
                        port: 80
                    """);
        }

        @Test
        void emptyCollectionsAreFlow() {
            // Given empty maps and lists at several places
            Object doc = map("a", map(), "b", list(), "c", list(map()), "d", list(list()),
                    "e", map("f", map()));

            // When written
            String yaml = GoYaml.dump(doc);

            // Then each is {} or [] in flow style
            assertThat(yaml).isEqualTo("""
                    a: {}
                    b: []
                    c:
                    - {}
                    d:
                    - []
                    e:
                      f: {}
                    """);
        }

        @Test
        void rootValues() {
            assertThat(GoYaml.dump(map())).isEqualTo("{}\n");
            assertThat(GoYaml.dump(list())).isEqualTo("[]\n");
            assertThat(GoYaml.dump(null)).isEqualTo("null\n");
            assertThat(GoYaml.dump("hi")).isEqualTo("hi\n");
            assertThat(GoYaml.dump(list("a", "b"))).isEqualTo("- a\n- b\n");
        }

        @Test
        void sequencesInSequencesShareTheDashLine() {
            // Given a list of lists and a list of maps
            Object doc = list(list("a", "b"), map("x", 1L, "y", list("z")), "c");

            // When written
            String yaml = GoYaml.dump(doc);

            // Then nested items start on the dash's line
            assertThat(yaml).isEqualTo("""
                    - - a
                      - b
                    - x: 1
                      "y":
                      - z
                    - c
                    """);
        }

        @Test
        void goYamlV2MarshalExamples() {
            // From go-yaml v2's marshal tests
            assertThat(GoYaml.dump(map("v", list("A", "B\nC")))).isEqualTo("v:\n- A\n- |-\n  B\n  C\n");
            assertThat(GoYaml.dump(map("v", list("A", 1L, map("B", list(2L, 3L))))))
                    .isEqualTo("v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n");
            assertThat(GoYaml.dump(map("a", map("b", "c")))).isEqualTo("a:\n  b: c\n");
        }

        @Test
        void keysOf128BytesAreSimpleLongerOnesAreExplicit() {
            // Given keys of 128 and 129 bytes
            String k128 = "k".repeat(128);
            String k129 = "k".repeat(129);

            // When written
            String simple = GoYaml.dump(map(k128, "v"));
            String explicit = GoYaml.dump(map(k129, "v"));

            // Then the longer one uses "? key" and ": value"
            assertThat(simple).isEqualTo(k128 + ": v\n");
            assertThat(explicit).isEqualTo("? " + k129 + "\n: v\n");
        }

        @Test
        void multiLineKeyIsAnExplicitLiteralKey() {
            assertThat(GoYaml.dump(map("a\nb", 1L))).isEqualTo("? |-\n  a\n  b\n: 1\n");
        }

        @Test
        void valuesOfOtherTypesAreRefused() {
            assertThatThrownBy(() -> GoYaml.dump(map("k", new Object())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.Object");
        }
    }

    @Nested
    class KeyOrder {

        @Test
        void keysAreInGoYamlNaturalOrder() {
            // Given keys mixing letters, digits and other characters, inserted out of order
            Map<String, Object> doc = new LinkedHashMap<>();
            for (String key : List.of("b", "a10", "1", "B", "a2", "_x", "a")) {
                doc.put(key, 1L);
            }

            // When written
            String yaml = GoYaml.dump(doc);

            // Then non-letters come first, capitals before lower case, digit runs by value
            assertThat(yaml).isEqualTo("_x: 1\n\"1\": 1\nB: 1\na: 1\na2: 1\na10: 1\nb: 1\n");
        }

        @Test
        void goYamlV2SortedOutputOrder() {
            // The string keys of go-yaml v2's sorted-output test, in its expected order
            List<String> order = List.of("", ".1", ".2", ".a", "1", "2", "a!10", "a/0001",
                    "a/002", "a/3", "a/10", "a/11", "a/0012", "a/100", "a~10", "ab/1", "b/1",
                    "b/01", "b/2", "b/02", "b/3", "b/03", "b1", "b01", "b3", "c2.10", "c10.2",
                    "d1", "d7", "d7abc", "d12", "d12a");
            List<String> shuffled = new ArrayList<>(order);
            java.util.Collections.reverse(shuffled);

            // When sorted in go-yaml's order
            shuffled.sort(GoKeyOrder.INSTANCE);

            // Then the order is the test's
            assertThat(shuffled).containsExactlyElementsOf(order);
        }
    }

    @Nested
    class Quoting {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            // strings v2 would read back as something else: double quotes
            "1000 => \"1000\"", "8080 => \"8080\"", "true => \"true\"", "True => \"True\"",
            "yes => \"yes\"", "no => \"no\"", "on => \"on\"", "off => \"off\"", "y => \"y\"", "N => \"N\"",
            "null => \"null\"", "~ => \"~\"", "1.5 => \"1.5\"", "1e3 => \"1e3\"", ".5 => \".5\"",
            "0x1F => \"0x1F\"", "0o17 => \"0o17\"", "017 => \"017\"", "08 => \"08\"", "1_000 => \"1_000\"",
            "-1 => \"-1\"", "+1 => \"+1\"", ".inf => \".inf\"", "-.Inf => \"-.Inf\"", ".NaN => \".NaN\"",
            "0b101 => \"0b101\"", "0b-1 => \"0b-1\"",
            "18446744073709551616 => \"18446744073709551616\"",
            "2024-01-15 => \"2024-01-15\"", "2015-02-24T18:19:39Z => \"2015-02-24T18:19:39Z\"",
            "2001-12-14 21:59:43.10 => \"2001-12-14 21:59:43.10\"",
            "2024-1-5t1:2:3+01:00 => \"2024-1-5t1:2:3+01:00\"",
            "1:20 => \"1:20\"", "-1:30:00.5 => \"-1:30:00.5\"", "190:20:30 => \"190:20:30\"",
            // v2 reads them as strings: plain, unless the emitter needs quotes
            "hi => hi", "<< => <<", "yess => yess", "NuLL => NuLL", "trUe => trUe", ".a => .a", "+ => +",
            "1e => 1e", "1.2.3 => 1.2.3", "0x => 0x", "1e999 => 1e999", ".5e999 => .5e999", "._5 => ._5",
            "2023-02-29 => 2023-02-29", "2024-13-01 => 2024-13-01", "2024-01-15x => 2024-01-15x",
            "1:60 => 1:60", "v1.2.3 => v1.2.3", "a#b => a#b", "a: b => 'a: b'", "a:b => a:b",
            "say \"hi\" => say \"hi\"", "50% => 50%", "@x => '@x'", "%x => '%x'",
            "ghcr.io/fluxcd/source-controller:v1.8.0 => ghcr.io/fluxcd/source-controller:v1.8.0",
            // plain was asked for but the emitter cannot write it plain: single quotes
            "* => '*'", "- => '-'", "- x => '- x'", ": x => ': x'", "? x => '? x'", "?x => ?x", "-x => -x",
            "#a => '#a'", "a #b => 'a #b'", "Hello #comment => 'Hello #comment'",
            "!x => '!x'", "&a => '&a'", ">x => '>x'", "[a] => '[a]'", "{a} => '{a}'",
            "a, b => a, b", ",a => ',a'", "'a' b => '''a'' b'", "\"a\" => '\"a\"'", "--- => '---'",
            "...x => '...x'", "` a` => ' a'", "`a ` => 'a '",
        })
        void stringsAreQuotedAsGoYamlV2Does(String text, String written) {
            assertThat(value(text)).isEqualTo("k: " + written + "\n");
        }

        @Test
        void indicatorsThatCannotStandInATable() {
            assertThat(value("`x")).isEqualTo("k: '`x'\n");
            assertThat(value("|x")).isEqualTo("k: '|x'\n");
        }

        @Test
        void emptyStringIsDoubleQuoted() {
            assertThat(value("")).isEqualTo("k: \"\"\n");
            assertThat(GoYaml.dump(list(""))).isEqualTo("- \"\"\n");
            assertThat(GoYaml.dump(map("", "x"))).isEqualTo("\"\": x\n");
        }

        @Test
        void keysFollowTheSameRules() {
            assertThat(GoYaml.dump(map("8080", "x", "on", "y", "*", "z")))
                    .isEqualTo("'*': z\n\"8080\": x\n\"on\": \"y\"\n");
        }

        @Test
        void specialCharactersAreEscapedInDoubleQuotes() {
            // Given strings with characters that are not printable in YAML
            assertThat(value("a\tb")).isEqualTo("k: \"a\\tb\"\n");
            assertThat(value("\u0000")).isEqualTo("k: \"\\0\"\n");
            assertThat(value("\u0007\b\u000B\f\r\u001B")).isEqualTo("k: \"\\a\\b\\v\\f\\r\\e\"\n");
            assertThat(value("\t\"q\" \\")).isEqualTo("k: \"\\t\\\"q\\\" \\\\\"\n");
            assertThat(value("x\u007F")).isEqualTo("k: \"x\\x7F\"\n");
            assertThat(value("x\u0085")).isEqualTo("k: \"x\\N\"\n");
            assertThat(value("x\u0090")).isEqualTo("k: \"x\\x90\"\n");
            assertThat(value("x\uFEFF")).isEqualTo("k: \"x\\uFEFF\"\n");
            assertThat(value("x\uFFFE")).isEqualTo("k: \"x\\uFFFE\"\n");
            assertThat(value("x\uD83D\uDE00")).isEqualTo("k: \"x\\U0001F600\"\n");
            // Printable non-ASCII stays as it is
            assertThat(value("你好")).isEqualTo("k: 你好\n");
            assertThat(value("é\u00A0x")).isEqualTo("k: é\u00A0x\n");
            assertThat(value("你好 #comment")).isEqualTo("k: '你好 #comment'\n");
        }

        @Test
        void aLeadingByteOrderMarkEscapesEveryCharacter() {
            // v2 checks for the BOM at the start of the value for every character
            assertThat(value("\uFEFFab")).isEqualTo("k: \"\\uFEFF\\x61\\x62\"\n");
        }

        @Test
        void anUnpairedSurrogateBecomesTheReplacementCharacter() {
            assertThat(value("a\uD800b")).isEqualTo("k: a\uFFFDb\n");
        }
    }

    @Nested
    class LiteralBlocks {

        @Test
        void chompingFollowsTheTrailingNewlines() {
            // none: strip; one: clip (no indicator); more: keep
            assertThat(value("a\nb")).isEqualTo("k: |-\n  a\n  b\n");
            assertThat(value("a\nb\n")).isEqualTo("k: |\n  a\n  b\n");
            assertThat(value("a\nb\n\n")).isEqualTo("k: |+\n  a\n  b\n\n");
            assertThat(value("\n")).isEqualTo("k: |2+\n\n");
        }

        @Test
        void aLeadingSpaceOrNewlineAddsTheIndentationIndicator() {
            assertThat(value(" a\nb")).isEqualTo("k: |2-\n   a\n  b\n");
            assertThat(value("\na")).isEqualTo("k: |2-\n\n  a\n");
        }

        @Test
        void emptyLinesAreNotIndentedAndInnerIndentationIsKept() {
            assertThat(value("a\n\nb")).isEqualTo("k: |-\n  a\n\n  b\n");
            assertThat(value("a\n  b")).isEqualTo("k: |-\n  a\n    b\n");
        }

        @Test
        void aBlockInASequenceUnderAKey() {
            assertThat(GoYaml.dump(map("args", list("a\nb"))))
                    .isEqualTo("args:\n- |-\n  a\n  b\n");
            assertThat(GoYaml.dump(map("m", map("s", "a\nb\n"))))
                    .isEqualTo("m:\n  s: |\n    a\n    b\n");
        }

        @Test
        void whatABlockCannotCarryFallsBackToDoubleQuotes() {
            // trailing space on a line, a tab, trailing space at the end
            assertThat(value("a \nb")).isEqualTo("k: \"a \\nb\"\n");
            assertThat(value("a\tb\nc")).isEqualTo("k: \"a\\tb\\nc\"\n");
            assertThat(value("a\nb ")).isEqualTo("k: \"a\\nb \"\n");
            assertThat(value("a\r\nb")).isEqualTo("k: \"a\\r\\nb\"\n");
        }
    }

    @Nested
    class Folding {

        private final String words = String.join(" ", java.util.Collections.nCopies(20, "abcdefghi"));
        private final String eight = String.join(" ", java.util.Collections.nCopies(8, "abcdefghi"));
        private final String four = String.join(" ", java.util.Collections.nCopies(4, "abcdefghi"));

        @Test
        void longPlainStringsFoldAtTheFirstSpacePastColumn80() {
            // Given a 199-character plain string of 9-letter words
            // When written as a map value
            String yaml = value(words);

            // Then a line breaks at the first space once the column is past 80,
            // continuation lines indented 2 more than the key
            assertThat(yaml).isEqualTo("k: " + eight + "\n  " + eight + "\n  " + four + "\n");
            assertThat(yaml.lines().toList().get(0)).hasSize(82);
        }

        @Test
        void foldingIndentsUnderDeeperKeysAndSequenceItems() {
            assertThat(GoYaml.dump(map("a", map("k", words))))
                    .startsWith("a:\n  k: ")
                    .contains("\n    abcdefghi");
            assertThat(GoYaml.dump(list(words))).startsWith("- " + eight + "\n  abcdefghi");
        }

        @Test
        void doubleSpacesAreNeverFoldPoints() {
            // Given a run of two spaces where a fold would go
            String text = "x".repeat(81) + "  y z";

            // When written at the root
            String yaml = GoYaml.dump(text);

            // Then the break waits for a single space
            assertThat(yaml).isEqualTo("x".repeat(81) + "  y\n  z\n");
        }

        @Test
        void longDoubleQuotedStringsFold() {
            // Given a long string that needs double quotes (it starts with a tab)
            String text = "\t" + words;

            // When written
            String yaml = value(text);

            // Then it folds like plain text, inside the quotes
            assertThat(yaml).isEqualTo("k: \"\\t" + eight + "\n  " + eight + "\n  " + four + "\"\n");
        }

        @Test
        void doubleQuotedFoldBeforeASpaceEscapesIt() {
            // Given a double-quoted string with two spaces where it folds
            String text = "\t" + "x".repeat(80) + "  y";

            // When written
            String yaml = value(text);

            // Then the kept space is written escaped at the start of the next line
            assertThat(yaml).isEqualTo("k: \"\\t" + "x".repeat(80) + "\n  \\ y\"\n");
        }

        @Test
        void longSingleQuotedStringsFold() {
            // From go-yaml v2's line wrapping test (trailing space: single quotes)
            String text = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 "
                    + "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ";
            assertThat(GoYaml.dump(map("a", text))).isEqualTo(
                    "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 "
                            + "abcdefghijklmnopqrstuvwxyz\n"
                            + "  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n");
        }

        @Test
        void simpleKeysNeverFold() {
            // Given a 128-byte key with spaces (still a simple key)
            String key = String.join(" ", java.util.Collections.nCopies(12, "abcdefghi")) + "abcdefghi";

            // When written
            String yaml = GoYaml.dump(map(key, "v"));

            // Then it stays on one line
            assertThat(yaml).isEqualTo(key + ": v\n");
        }

        @Test
        void literalBlocksNeverFold() {
            String text = words + "\n" + words;
            assertThat(value(text)).isEqualTo("k: |-\n  " + words + "\n  " + words + "\n");
        }
    }

    @Nested
    class Scalars {

        @Test
        void integersBooleansAndNull() {
            assertThat(GoYaml.dump(map("a", 8080L, "b", -10, "c", true, "d", false, "e", null)))
                    .isEqualTo("a: 8080\nb: -10\nc: true\nd: false\ne: null\n");
            assertThat(value(Long.MIN_VALUE)).isEqualTo("k: -9223372036854775808\n");
        }

        @Test
        void integersBeyondInt64() {
            // uint64 stays an integer, beyond that v2 reads a float
            assertThat(value(new BigInteger("18446744073709551615")))
                    .isEqualTo("k: 18446744073709551615\n");
            assertThat(value(new BigInteger("18446744073709551616")))
                    .isEqualTo("k: 1.8446744073709552e+19\n");
            assertThat(value(new BigInteger("-9223372036854775809")))
                    .isEqualTo("k: -9.223372036854776e+18\n");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            // integral values below 1e21 went through JSON as integers
            "1.0, 1", "-0.0, 0", "100.0, 100", "1e6, 1000000", "1e19, 10000000000000000000",
            // beyond uint64, v2 read the JSON integer back as a float
            "1e20, 1e+20",
            "1.152921504606847E18, 1152921504606847000",
            // everything else: Go's shortest 'g' format
            "0.1, 0.1", "-0.1, -0.1", "1.5, 1.5", "0.0001, 0.0001", "0.00001, 1e-05",
            "1e-7, 1e-07", "123456.5, 123456.5", "1234567.5, 1.2345675e+06", "1e21, 1e+21",
            "1.7976931348623157E308, 1.7976931348623157e+308", "4.9E-324, 5e-324",
            "0.30000000000000004, 0.30000000000000004",
        })
        void floatsAreWrittenAsAfterAJsonRoundTrip(double value, String written) {
            assertThat(value(value)).isEqualTo("k: " + written + "\n");
        }

        @Test
        void specialFloats() {
            assertThat(value(Double.POSITIVE_INFINITY)).isEqualTo("k: .inf\n");
            assertThat(value(Double.NEGATIVE_INFINITY)).isEqualTo("k: -.inf\n");
            assertThat(value(Double.NaN)).isEqualTo("k: .nan\n");
            assertThat(value(0.99f)).isEqualTo("k: 0.99\n");
        }
    }
}
