package dev.fluxboot.terraform.schema;

import dev.fluxboot.terraform.cty.CtyType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The schema of a provider's configuration or of a resource: versioned attributes. */
public record Schema(long version, String description, List<Attribute> attributes) {

    public Schema {
        attributes = List.copyOf(attributes);
    }

    /** The object type of a whole configuration or state of this schema. */
    public CtyType.ObjectOf type() {
        Map<String, CtyType> types = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            types.put(attribute.name(), attribute.type());
        }
        return new CtyType.ObjectOf(types);
    }

    public Optional<Attribute> attribute(String name) {
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
