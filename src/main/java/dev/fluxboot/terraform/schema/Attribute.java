package dev.fluxboot.terraform.schema;

import dev.fluxboot.terraform.cty.CtyType;
import dev.fluxboot.terraform.cty.CtyValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a schema: its name, type (or nested attributes, written {@code name = { ... }}
 * in the configuration), whether it is required, optional or computed, and what the provider
 * does with it when planning: a default for a null configuration value, replacement of the
 * resource when it changes, a looser equality (e.g. {@code 1m} and {@code 1m0s}).
 * Immutable; the methods without a {@code get} return changed copies.
 */
public record Attribute(String name, CtyType type, List<Attribute> nestedAttributes, String description,
                        Presence presence, boolean sensitive, Optional<CtyValue> defaultValue, boolean requiresReplace,
                        Optional<Equivalence> equivalence) {

    /** Who sets the value: the configuration, the provider, or either. */
    public enum Presence {
        REQUIRED, OPTIONAL, COMPUTED, OPTIONAL_COMPUTED;

        public boolean isComputed() {
            return this == COMPUTED || this == OPTIONAL_COMPUTED;
        }
    }

    /** When two different values mean the same, so that the prior one is kept in the plan. */
    public interface Equivalence {
        boolean equivalent(CtyValue a, CtyValue b);
    }

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        nestedAttributes = List.copyOf(nestedAttributes);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(equivalence, "equivalence");
    }

    /** An optional attribute of {@code type}. */
    public static Attribute of(String name, CtyType type) {
        return new Attribute(name, type, List.of(), "", Presence.OPTIONAL, false, Optional.empty(), false, Optional.empty());
    }

    public static Attribute string(String name) {
        return of(name, CtyType.STRING);
    }

    public static Attribute bool(String name) {
        return of(name, CtyType.BOOL);
    }

    public static Attribute stringSet(String name) {
        return of(name, CtyType.setOf(CtyType.STRING));
    }

    public static Attribute stringList(String name) {
        return of(name, CtyType.listOf(CtyType.STRING));
    }

    public static Attribute stringMap(String name) {
        return of(name, CtyType.mapOf(CtyType.STRING));
    }

    /** An optional attribute holding one object of {@code attributes}: {@code name = { ... }}. */
    public static Attribute nested(String name, List<Attribute> attributes) {
        Map<String, CtyType> types = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            types.put(attribute.name(), attribute.type());
        }
        return new Attribute(name, new CtyType.ObjectOf(types), attributes, "", Presence.OPTIONAL, false, Optional.empty(),
                false, Optional.empty());
    }

    public boolean isNested() {
        return !nestedAttributes.isEmpty();
    }

    public Attribute describedAs(String text) {
        return new Attribute(name, type, nestedAttributes, text, presence, sensitive, defaultValue, requiresReplace, equivalence);
    }

    public Attribute required() {
        return withPresence(Presence.REQUIRED);
    }

    public Attribute computed() {
        return withPresence(Presence.COMPUTED);
    }

    public Attribute optionalComputed() {
        return withPresence(Presence.OPTIONAL_COMPUTED);
    }

    /** Optional and computed: {@code value} when the configuration leaves it null. */
    public Attribute withDefault(CtyValue value) {
        return new Attribute(name, type, nestedAttributes, description, Presence.OPTIONAL_COMPUTED, sensitive,
                Optional.of(value), requiresReplace, equivalence);
    }

    public Attribute asSensitive() {
        return new Attribute(name, type, nestedAttributes, description, presence, true, defaultValue, requiresReplace, equivalence);
    }

    /** A change of this attribute replaces the resource (delete, then create). */
    public Attribute requiringReplace() {
        return new Attribute(name, type, nestedAttributes, description, presence, sensitive, defaultValue, true, equivalence);
    }

    public Attribute equivalentWhen(Equivalence rule) {
        return new Attribute(name, type, nestedAttributes, description, presence, sensitive, defaultValue, requiresReplace,
                Optional.of(rule));
    }

    private Attribute withPresence(Presence value) {
        return new Attribute(name, type, nestedAttributes, description, value, sensitive, defaultValue, requiresReplace, equivalence);
    }
}
