package dev.fluxboot.terraform;

import dev.fluxboot.terraform.cty.CtyValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the attributes of known configuration and state objects into Java values. */
final class Values {

    private Values() {
    }

    static Optional<String> string(CtyValue.ObjectValue object, String name) {
        CtyValue value = object.get(name);
        if (value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(known(value, CtyValue.StringValue.class, name).value());
    }

    /** A string attribute; empty for null or the empty string (which flux's provider treats alike). */
    static Optional<String> nonEmptyString(CtyValue.ObjectValue object, String name) {
        return string(object, name).filter(text -> !text.isEmpty());
    }

    static Optional<SensitiveText> sensitive(CtyValue.ObjectValue object, String name) {
        return nonEmptyString(object, name).map(SensitiveText::new);
    }

    static Optional<Boolean> bool(CtyValue.ObjectValue object, String name) {
        CtyValue value = object.get(name);
        if (value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(known(value, CtyValue.BoolValue.class, name).value());
    }

    static List<String> strings(CtyValue.ObjectValue object, String name) {
        CtyValue value = object.get(name);
        if (value.isNull()) {
            return List.of();
        }
        Collection<CtyValue> elements;
        if (value instanceof CtyValue.SetValue set) {
            elements = set.elements();
        } else {
            elements = known(value, CtyValue.ListValue.class, name).elements();
        }
        List<String> strings = new ArrayList<>();
        for (CtyValue element : elements) {
            strings.add(known(element, CtyValue.StringValue.class, name).value());
        }
        return strings;
    }

    static Map<String, String> stringMap(CtyValue.ObjectValue object, String name) {
        CtyValue value = object.get(name);
        if (value.isNull()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, CtyValue> entry : known(value, CtyValue.MapValue.class, name).entries().entrySet()) {
            map.put(entry.getKey(), known(entry.getValue(), CtyValue.StringValue.class, name).value());
        }
        return map;
    }

    static Optional<CtyValue.ObjectValue> nested(CtyValue.ObjectValue object, String name) {
        CtyValue value = object.get(name);
        if (value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(known(value, CtyValue.ObjectValue.class, name));
    }

    private static <T extends CtyValue> T known(CtyValue value, Class<T> kind, String name) {
        if (!value.isKnown()) {
            throw new IllegalStateException(name + " is not known yet");
        }
        if (!kind.isInstance(value)) {
            throw new IllegalStateException(name + " does not have its schema's type");
        }
        return kind.cast(value);
    }
}
