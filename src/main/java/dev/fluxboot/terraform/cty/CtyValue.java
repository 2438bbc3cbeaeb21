package dev.fluxboot.terraform.cty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A value of Terraform's value system (cty) as the plugin protocol carries it: null, unknown
 * (known only after apply) or known, of one of the {@link CtyType}s. Immutable.
 */
public sealed interface CtyValue permits CtyValue.NullValue, CtyValue.UnknownValue, CtyValue.StringValue,
        CtyValue.NumberValue, CtyValue.BoolValue, CtyValue.ListValue, CtyValue.SetValue, CtyValue.MapValue,
        CtyValue.ObjectValue, CtyValue.TupleValue, CtyValue.TypedValue {

    CtyValue NULL = new NullValue();
    CtyValue UNKNOWN = new UnknownValue(new byte[0]);

    default boolean isNull() {
        return false;
    }

    default boolean isKnown() {
        return true;
    }

    /** Known, and so is everything inside it. */
    default boolean isWhollyKnown() {
        return isKnown();
    }

    static CtyValue string(String value) {
        return new StringValue(value);
    }

    /** The string, or null when {@code value} is null. */
    static CtyValue stringOrNull(String value) {
        return value == null ? NULL : new StringValue(value);
    }

    static CtyValue bool(boolean value) {
        return new BoolValue(value);
    }

    static CtyValue number(BigDecimal value) {
        return new NumberValue(value);
    }

    static CtyValue number(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    static CtyValue list(List<? extends CtyValue> elements) {
        return new ListValue(List.copyOf(elements));
    }

    static CtyValue set(Collection<? extends CtyValue> elements) {
        return new SetValue(elements);
    }

    /** A set of strings, in their natural order. */
    static CtyValue stringSet(Collection<String> elements) {
        List<CtyValue> values = new ArrayList<>();
        for (String element : new java.util.TreeSet<>(elements)) {
            values.add(string(element));
        }
        return new SetValue(values);
    }

    static CtyValue map(Map<String, ? extends CtyValue> entries) {
        return new MapValue(new TreeMap<String, CtyValue>(entries));
    }

    /** A map of strings. */
    static CtyValue stringMap(Map<String, String> entries) {
        Map<String, CtyValue> values = new TreeMap<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            values.put(entry.getKey(), string(entry.getValue()));
        }
        return new MapValue(values);
    }

    static ObjectValue object(Map<String, ? extends CtyValue> attributes) {
        return new ObjectValue(new TreeMap<String, CtyValue>(attributes));
    }

    record NullValue() implements CtyValue {
        @Override
        public boolean isNull() {
            return true;
        }

        @Override
        public String toString() {
            return "null";
        }
    }

    /**
     * Known only after apply. {@code refinements} is what Terraform said it knows of the value
     * (msgpack extension 12: e.g. "not null", a string prefix), kept as it came so that a planned
     * value passes back unchanged; empty for a plain unknown.
     */
    record UnknownValue(byte[] refinements) implements CtyValue {
        public UnknownValue {
            refinements = refinements.clone();
        }

        @Override
        public byte[] refinements() {
            return refinements.clone();
        }

        @Override
        public boolean isKnown() {
            return false;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof UnknownValue unknown && Arrays.equals(refinements, unknown.refinements);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(refinements);
        }

        @Override
        public String toString() {
            return "(known after apply)";
        }
    }

    record StringValue(String value) implements CtyValue {
        public StringValue {
            java.util.Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return Json.quote(value);
        }
    }

    /** A number; {@code value} without trailing zeros, so that 1.0 and 1 are one value as in cty. */
    record NumberValue(BigDecimal value) implements CtyValue {
        public NumberValue {
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    record BoolValue(boolean value) implements CtyValue {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    record ListValue(List<CtyValue> elements) implements CtyValue {
        public ListValue {
            elements = List.copyOf(elements);
        }

        @Override
        public boolean isWhollyKnown() {
            return allWhollyKnown(elements);
        }
    }

    /** A set: equal to another with the same elements in any order. */
    record SetValue(Set<CtyValue> elements) implements CtyValue {
        public SetValue(Collection<? extends CtyValue> elements) {
            this(Collections.unmodifiableSet(new LinkedHashSet<>(elements)));
        }

        @Override
        public boolean isWhollyKnown() {
            return allWhollyKnown(elements);
        }
    }

    record MapValue(Map<String, CtyValue> entries) implements CtyValue {
        public MapValue {
            entries = Collections.unmodifiableMap(new TreeMap<>(entries));
        }

        @Override
        public boolean isWhollyKnown() {
            return allWhollyKnown(entries.values());
        }
    }

    /** An object: every attribute of its type, nulls included, in name order. */
    record ObjectValue(Map<String, CtyValue> attributes) implements CtyValue {
        public ObjectValue {
            attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
        }

        /** The attribute's value; null when the object has no such attribute. */
        public CtyValue get(String name) {
            CtyValue value = attributes.get(name);
            return value == null ? NULL : value;
        }

        /** This object with {@code name} set to {@code value}. */
        public ObjectValue with(String name, CtyValue value) {
            Map<String, CtyValue> copy = new TreeMap<>(attributes);
            copy.put(name, value);
            return new ObjectValue(copy);
        }

        @Override
        public boolean isWhollyKnown() {
            return allWhollyKnown(attributes.values());
        }
    }

    record TupleValue(List<CtyValue> elements) implements CtyValue {
        public TupleValue {
            elements = List.copyOf(elements);
        }

        @Override
        public boolean isWhollyKnown() {
            return allWhollyKnown(elements);
        }
    }

    /** A value where the schema says "any type" (dynamic): it carries its own type. */
    record TypedValue(CtyType type, CtyValue value) implements CtyValue {
        @Override
        public boolean isNull() {
            return value.isNull();
        }

        @Override
        public boolean isKnown() {
            return value.isKnown();
        }

        @Override
        public boolean isWhollyKnown() {
            return value.isWhollyKnown();
        }
    }

    private static boolean allWhollyKnown(Collection<CtyValue> values) {
        for (CtyValue value : values) {
            if (!value.isWhollyKnown()) {
                return false;
            }
        }
        return true;
    }
}
