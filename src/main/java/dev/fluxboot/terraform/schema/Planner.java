package dev.fluxboot.terraform.schema;

import dev.fluxboot.terraform.cty.CtyValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The part of planning a resource change that the schema decides, as Terraform's plugin
 * framework does it: defaults for optional+computed attributes the configuration leaves null,
 * unknown for computed ones the provider sets at apply, the prior value where the new one means
 * the same, and the attributes whose change replaces the resource.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * The planned object and what forces replacement.
     *
     * @param changed whether anything but computed-only attributes differs from the prior state
     *                (always true for a create)
     */
    public record Plan(CtyValue planned, List<List<String>> requiresReplace, boolean changed) {
        public Plan {
            Objects.requireNonNull(planned, "planned");
            List<List<String>> paths = new ArrayList<>();
            for (List<String> path : requiresReplace) {
                paths.add(List.copyOf(path));
            }
            requiresReplace = List.copyOf(paths);
        }
    }

    /**
     * Plans from Terraform's three values: {@code prior} (null when creating), {@code proposed}
     * (null when destroying; otherwise the configuration merged with the prior state's computed
     * values) and {@code config}.
     */
    public static Plan plan(Schema schema, CtyValue prior, CtyValue proposed, CtyValue config) {
        if (proposed.isNull()) {
            return new Plan(CtyValue.NULL, List.of(), true);
        }
        CtyValue.ObjectValue priorObject = prior instanceof CtyValue.ObjectValue object ? object : null;
        CtyValue.ObjectValue planned = withDefaults(schema.attributes(), (CtyValue.ObjectValue) proposed,
                config instanceof CtyValue.ObjectValue object ? object : null, priorObject);
        boolean changed = priorObject == null || !sameArguments(schema, planned, priorObject);
        Map<String, CtyValue> attributes = new TreeMap<>(planned.attributes());
        for (Attribute attribute : schema.attributes()) {
            if (!attribute.presence().isComputed() || attribute.defaultValue().isPresent()) {
                continue;
            }
            // As the plugin framework does: a computed value the configuration leaves null is
            // known after apply whenever the resource changes; unchanged, it keeps the prior one.
            boolean configNull = !(config instanceof CtyValue.ObjectValue object) || object.get(attribute.name()).isNull();
            if (configNull && changed) {
                attributes.put(attribute.name(), CtyValue.UNKNOWN);
            }
        }
        List<List<String>> replace = new ArrayList<>();
        if (priorObject != null) {
            for (Attribute attribute : schema.attributes()) {
                if (attribute.requiresReplace() && !attributes.get(attribute.name()).equals(priorObject.get(attribute.name()))) {
                    replace.add(List.of(attribute.name()));
                }
            }
        }
        return new Plan(CtyValue.object(attributes), replace, changed);
    }

    private static CtyValue.ObjectValue withDefaults(List<Attribute> attributes, CtyValue.ObjectValue proposed,
                                                     CtyValue.ObjectValue config, CtyValue.ObjectValue prior) {
        Map<String, CtyValue> planned = new TreeMap<>(proposed.attributes());
        for (Attribute attribute : attributes) {
            String name = attribute.name();
            CtyValue configValue = config == null ? CtyValue.NULL : config.get(name);
            CtyValue priorValue = prior == null ? CtyValue.NULL : prior.get(name);
            CtyValue value = proposed.get(name);
            if (attribute.defaultValue().isPresent() && configValue.isNull()) {
                value = attribute.defaultValue().get();
            } else if (attribute.isNested() && value instanceof CtyValue.ObjectValue nested) {
                value = withDefaults(attribute.nestedAttributes(), nested,
                        configValue instanceof CtyValue.ObjectValue object ? object : null,
                        priorValue instanceof CtyValue.ObjectValue object ? object : null);
            }
            if (attribute.equivalence().isPresent() && value.isKnown() && !value.isNull() && !priorValue.isNull()
                    && !value.equals(priorValue) && attribute.equivalence().get().equivalent(value, priorValue)) {
                value = priorValue;
            }
            planned.put(name, value);
        }
        return CtyValue.object(planned);
    }

    /** Whether the attributes the configuration can set are equal in both. */
    private static boolean sameArguments(Schema schema, CtyValue.ObjectValue planned, CtyValue.ObjectValue prior) {
        for (Attribute attribute : schema.attributes()) {
            if (attribute.presence() == Attribute.Presence.COMPUTED) {
                continue;
            }
            if (!planned.get(attribute.name()).equals(prior.get(attribute.name()))) {
                return false;
            }
        }
        return true;
    }
}
