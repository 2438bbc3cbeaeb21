package dev.fluxboot.terraform.cty;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resource state in cty's JSON form, as UpgradeResourceState hands it over. */
class CtyJsonTest {

    private static final CtyType STATE = new CtyType.ObjectOf(Map.of(
            "id", CtyType.STRING,
            "enabled", CtyType.BOOL,
            "replicas", CtyType.NUMBER,
            "components", CtyType.setOf(CtyType.STRING),
            "files", CtyType.mapOf(CtyType.STRING),
            "timeouts", new CtyType.ObjectOf(Map.of("create", CtyType.STRING)),
            "any", CtyType.DYNAMIC));

    @Test
    void readsStateByTheSchemaTypes() {
        // Given a state as Terraform's state file holds it, with an attribute an older schema had
        String json = "{\"id\":\"flux-system\",\"enabled\":true,\"replicas\":2,"
                + "\"components\":[\"source-controller\",\"kustomize-controller\"],"
                + "\"files\":{\"a/b.yaml\":\"x: \\\"1\\\"\\n\"},\"timeouts\":null,"
                + "\"any\":{\"value\":[\"v\"],\"type\":[\"list\",\"string\"]},\"removed_long_ago\":\"gone\"}";

        // When
        CtyValue.ObjectValue state = (CtyValue.ObjectValue) CtyJson.decode(json, STATE);

        // Then
        assertThat(state.attributes()).containsOnlyKeys("id", "enabled", "replicas", "components", "files", "timeouts", "any");
        assertThat(state.get("id")).isEqualTo(CtyValue.string("flux-system"));
        assertThat(state.get("enabled")).isEqualTo(CtyValue.bool(true));
        assertThat(state.get("replicas")).isEqualTo(CtyValue.number(new BigDecimal("2.0")));
        assertThat(state.get("components")).isEqualTo(CtyValue.stringSet(List.of("kustomize-controller", "source-controller")));
        assertThat(state.get("files")).isEqualTo(CtyValue.stringMap(Map.of("a/b.yaml", "x: \"1\"\n")));
        assertThat(state.get("timeouts").isNull()).isTrue();
        assertThat(state.get("any")).isEqualTo(new CtyValue.TypedValue(CtyType.listOf(CtyType.STRING),
                CtyValue.list(List.of(CtyValue.string("v")))));
    }

    @Test
    void aMissingAttributeIsNull() {
        CtyValue.ObjectValue state = (CtyValue.ObjectValue) CtyJson.decode("{\"id\":\"x\"}", STATE);

        assertThat(state.get("enabled").isNull()).isTrue();
        assertThat(state.attributes()).hasSize(7);
    }

    @Test
    void saysWhereTheStateDoesNotFit() {
        assertThatThrownBy(() -> CtyJson.decode("{\"enabled\":\"maybe\"}", STATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enabled: a bool was expected");
        assertThatThrownBy(() -> CtyJson.decode("{\"id\":", STATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not JSON at offset 6");
    }
}
