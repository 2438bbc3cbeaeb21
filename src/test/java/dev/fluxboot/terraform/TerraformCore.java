package dev.fluxboot.terraform;

import dev.fluxboot.terraform.cty.CtyValue;
import dev.fluxboot.terraform.schema.Attribute;
import dev.fluxboot.terraform.schema.Schema;

import java.util.Map;
import java.util.TreeMap;

/**
 * What Terraform core computes before it asks a provider to plan, for tests that play core: a
 * configuration object (every attribute, null unless set) and the proposed new state (the
 * configuration, with computed attributes the configuration leaves null taken from the prior
 * state), as Terraform's {@code objchange.ProposedNew} does for top-level attributes.
 */
final class TerraformCore {

    private TerraformCore() {
    }

    static CtyValue.ObjectValue config(Schema schema, Map<String, CtyValue> set) {
        Map<String, CtyValue> attributes = new TreeMap<>();
        for (Attribute attribute : schema.attributes()) {
            attributes.put(attribute.name(), set.getOrDefault(attribute.name(), CtyValue.NULL));
        }
        return CtyValue.object(attributes);
    }

    static CtyValue proposedNew(Schema schema, CtyValue prior, CtyValue config) {
        if (config.isNull()) {
            return CtyValue.NULL;
        }
        CtyValue.ObjectValue configObject = (CtyValue.ObjectValue) config;
        Map<String, CtyValue> proposed = new TreeMap<>();
        for (Attribute attribute : schema.attributes()) {
            CtyValue configValue = configObject.get(attribute.name());
            if (attribute.presence().isComputed() && configValue.isNull()) {
                proposed.put(attribute.name(), prior instanceof CtyValue.ObjectValue object
                        ? object.get(attribute.name()) : CtyValue.NULL);
            } else {
                proposed.put(attribute.name(), configValue);
            }
        }
        return CtyValue.object(proposed);
    }
}
