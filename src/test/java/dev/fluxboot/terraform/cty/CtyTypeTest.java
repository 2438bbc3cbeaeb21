package dev.fluxboot.terraform.cty;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Types in cty's JSON form, as schemas carry them. */
class CtyTypeTest {

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of(CtyType.STRING, "\"string\""),
                Arguments.of(CtyType.NUMBER, "\"number\""),
                Arguments.of(CtyType.BOOL, "\"bool\""),
                Arguments.of(CtyType.DYNAMIC, "\"dynamic\""),
                Arguments.of(CtyType.setOf(CtyType.STRING), "[\"set\",\"string\"]"),
                Arguments.of(CtyType.mapOf(CtyType.listOf(CtyType.BOOL)), "[\"map\",[\"list\",\"bool\"]]"),
                Arguments.of(new CtyType.ObjectOf(Map.of("b", CtyType.STRING, "a", CtyType.NUMBER)),
                        "[\"object\",{\"a\":\"number\",\"b\":\"string\"}]"),
                Arguments.of(new CtyType.TupleOf(List.of(CtyType.STRING, CtyType.BOOL)), "[\"tuple\",[\"string\",\"bool\"]]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("types")
    void writesAndReadsTheJsonForm(CtyType type, String json) {
        assertThat(type.toJson()).isEqualTo(json);
        assertThat(CtyType.fromJson(json)).isEqualTo(type);
    }
}
