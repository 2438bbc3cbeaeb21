package dev.fluxboot.terraform.cty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * cty's msgpack encoding, read from bytes built the way Terraform (go-cty) writes them, and
 * written back as go-cty writes them.
 */
class CtyMsgpackTest {

    private static final CtyType OBJECT = new CtyType.ObjectOf(Map.of(
            "name", CtyType.STRING, "count", CtyType.NUMBER, "enabled", CtyType.BOOL,
            "tags", CtyType.setOf(CtyType.STRING), "args", CtyType.listOf(CtyType.STRING),
            "env", CtyType.mapOf(CtyType.STRING)));

    private interface Writer {
        void write(MessageBufferPacker packer) throws IOException;
    }

    private static byte[] msgpack(Writer writer) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            writer.write(packer);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> terraformValues() {
        return Stream.of(
                Arguments.of("a string", CtyType.STRING, msgpack(p -> p.packString("héllo")), CtyValue.string("héllo")),
                Arguments.of("the empty string", CtyType.STRING, msgpack(p -> p.packString("")), CtyValue.string("")),
                Arguments.of("null", CtyType.STRING, msgpack(MessageBufferPacker::packNil), CtyValue.NULL),
                Arguments.of("true", CtyType.BOOL, msgpack(p -> p.packBoolean(true)), CtyValue.bool(true)),
                Arguments.of("an integer number", CtyType.NUMBER, msgpack(p -> p.packLong(-42)), CtyValue.number(-42)),
                Arguments.of("a big unsigned integer", CtyType.NUMBER,
                        msgpack(p -> p.packBigInteger(new BigInteger("18446744073709551615"))),
                        CtyValue.number(new BigDecimal("18446744073709551615"))),
                Arguments.of("a float number", CtyType.NUMBER, msgpack(p -> p.packDouble(1.5)),
                        CtyValue.number(new BigDecimal("1.5"))),
                Arguments.of("a number as text", CtyType.NUMBER, msgpack(p -> p.packString("0.8")),
                        CtyValue.number(new BigDecimal("0.8"))),
                Arguments.of("a list", CtyType.listOf(CtyType.STRING),
                        msgpack(p -> p.packArrayHeader(2).packString("b").packString("a")),
                        CtyValue.list(List.of(CtyValue.string("b"), CtyValue.string("a")))),
                Arguments.of("a set", CtyType.setOf(CtyType.STRING),
                        msgpack(p -> p.packArrayHeader(2).packString("b").packString("a")),
                        CtyValue.set(List.of(CtyValue.string("a"), CtyValue.string("b")))),
                Arguments.of("a map", CtyType.mapOf(CtyType.BOOL),
                        msgpack(p -> p.packMapHeader(1).packString("k").packBoolean(false)),
                        CtyValue.map(Map.of("k", CtyValue.bool(false)))),
                Arguments.of("an unknown value (extension 0)", CtyType.STRING,
                        HexFormat.of().parseHex("d40000"), CtyValue.UNKNOWN),
                Arguments.of("an unknown list", CtyType.listOf(CtyType.STRING),
                        HexFormat.of().parseHex("d40000"), CtyValue.UNKNOWN),
                Arguments.of("a dynamic value: [type JSON, value]", CtyType.DYNAMIC,
                        msgpack(p -> p.packArrayHeader(2).packBinaryHeader(8).writePayload("\"string\"".getBytes(StandardCharsets.UTF_8))
                                .packString("x")),
                        new CtyValue.TypedValue(CtyType.STRING, CtyValue.string("x"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terraformValues")
    void readsWhatTerraformWrites(String what, CtyType type, byte[] bytes, CtyValue expected) {
        // When
        CtyValue value = CtyMsgpack.decode(bytes, type);

        // Then
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void readsARefinedUnknownAndWritesItBackUnchanged() {
        // Given an unknown string refined "not null" (extension 12 holding the map {1: false}), as go-cty writes it
        byte[] refined = HexFormat.of().parseHex("c7030c8101c2");

        // When
        CtyValue value = CtyMsgpack.decode(refined, CtyType.STRING);

        // Then
        assertThat(value.isKnown()).isFalse();
        assertThat(value.isNull()).isFalse();
        assertThat(CtyMsgpack.encode(value, CtyType.STRING)).isEqualTo(refined);
    }

    @Test
    void anObjectHasEveryAttributeNullsIncludedAndUnknownsInside() {
        // Given an object as Terraform sends a configuration: some attributes null, one unknown, one missing
        byte[] bytes = msgpack(p -> {
            p.packMapHeader(5);
            p.packString("name").packString("prod");
            p.packString("count").packNil();
            p.packString("enabled").packExtensionTypeHeader((byte) 0, 1).writePayload(new byte[] {0});
            p.packString("tags").packArrayHeader(1).packString("a");
            p.packString("env").packNil();
        });

        // When
        CtyValue.ObjectValue object = (CtyValue.ObjectValue) CtyMsgpack.decode(bytes, OBJECT);

        // Then
        assertThat(object.attributes()).containsOnlyKeys("name", "count", "enabled", "tags", "args", "env");
        assertThat(object.get("name")).isEqualTo(CtyValue.string("prod"));
        assertThat(object.get("count").isNull()).isTrue();
        assertThat(object.get("args").isNull()).isTrue();
        assertThat(object.get("enabled").isKnown()).isFalse();
        assertThat(object.isKnown()).isTrue();
        assertThat(object.isWhollyKnown()).isFalse();
    }

    @Test
    void writesObjectsWithEveryAttributeInNameOrder() {
        // Given
        CtyValue value = CtyValue.object(Map.of("name", CtyValue.string("prod"), "enabled", CtyValue.UNKNOWN));

        // When
        byte[] bytes = CtyMsgpack.encode(value, OBJECT);

        // Then: a map of all six attributes; absent ones nil; unknown as go-cty's fixext1 of type 0
        byte[] expected = msgpack(p -> {
            p.packMapHeader(6);
            p.packString("args").packNil();
            p.packString("count").packNil();
            p.packString("enabled").packExtensionTypeHeader((byte) 0, 1).writePayload(new byte[] {0});
            p.packString("env").packNil();
            p.packString("name").packString("prod");
            p.packString("tags").packNil();
        });
        assertThat(bytes).isEqualTo(expected);
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of("7", msgpack(p -> p.packLong(7))),
                Arguments.of("100", msgpack(p -> p.packLong(100))),
                Arguments.of("1.5", msgpack(p -> p.packDouble(1.5))),
                Arguments.of("0.8", msgpack(p -> p.packString("0.8"))),
                Arguments.of("99999999999999999999", msgpack(p -> p.packString("99999999999999999999"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbers")
    void writesNumbersAsGoCtyDoes(String number, byte[] expected) {
        // When
        byte[] bytes = CtyMsgpack.encode(CtyValue.number(new BigDecimal(number)), CtyType.NUMBER);

        // Then: an integer that fits, a float when exact, else decimal text
        assertThat(bytes).isEqualTo(expected);
    }

    @Test
    void roundTripsEveryKind() {
        // Given
        CtyType type = new CtyType.ObjectOf(Map.of(
                "nested", new CtyType.ObjectOf(Map.of("a", CtyType.STRING)),
                "tuple", new CtyType.TupleOf(List.of(CtyType.STRING, CtyType.BOOL)),
                "any", CtyType.DYNAMIC,
                "set", CtyType.setOf(CtyType.NUMBER)));
        CtyValue value = CtyValue.object(Map.of(
                "nested", CtyValue.object(Map.of("a", CtyValue.string("x"))),
                "tuple", new CtyValue.TupleValue(List.of(CtyValue.string("y"), CtyValue.bool(true))),
                "any", new CtyValue.TypedValue(CtyType.listOf(CtyType.STRING), CtyValue.list(List.of(CtyValue.string("z")))),
                "set", CtyValue.set(List.of(CtyValue.number(1), CtyValue.number(new BigDecimal("2.25"))))));

        // When
        CtyValue back = CtyMsgpack.decode(CtyMsgpack.encode(value, type), type);

        // Then
        assertThat(back).isEqualTo(value);
    }

    static Stream<Arguments> misfits() {
        return Stream.of(
                Arguments.of("a number for a string", CtyType.STRING, msgpack(p -> p.packLong(1)), "the value: a string"),
                Arguments.of("text that is no number", CtyType.NUMBER, msgpack(p -> p.packString("ten")), "a number"),
                Arguments.of("an attribute the type lacks", OBJECT,
                        msgpack(p -> p.packMapHeader(1).packString("surprise").packNil()), "unexpected attribute surprise"),
                Arguments.of("a string inside a list of bools", CtyType.listOf(CtyType.BOOL),
                        msgpack(p -> p.packArrayHeader(1).packString("no")), "[0]: a bool"),
                Arguments.of("an extension that is no unknown", CtyType.STRING,
                        msgpack(p -> p.packExtensionTypeHeader((byte) 5, 2).writePayload(new byte[] {1, 2})), "extension 5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misfits")
    void saysWhereAValueDoesNotFitItsType(String what, CtyType type, byte[] bytes, String message) {
        assertThatThrownBy(() -> CtyMsgpack.decode(bytes, type))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
