package dev.fluxboot.terraform.cty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values in cty's JSON encoding, the form of resource state in Terraform's state file, which
 * UpgradeResourceState hands over. Read by the schema's type; attributes the type does not
 * have (written by an older schema) are dropped, missing ones are null.
 */
public final class CtyJson {

    private CtyJson() {
    }

    /** The value of type {@code type} in the JSON text; {@link IllegalArgumentException} naming where it does not fit. */
    public static CtyValue decode(String json, CtyType type) {
        return read(Json.parse(json), type, "");
    }

    private static CtyValue read(Object json, CtyType type, String path) {
        if (json == null) {
            return CtyValue.NULL;
        }
        if (type == CtyType.DYNAMIC) {
            if (!(json instanceof Map<?, ?> pair) || !pair.containsKey("type") || !pair.containsKey("value")) {
                throw mismatch(path, "an object with \"type\" and \"value\" (dynamic type)");
            }
            CtyType actual = CtyType.fromJson(Json.write(pair.get("type")));
            return new CtyValue.TypedValue(actual, read(pair.get("value"), actual, path));
        }
        if (type == CtyType.STRING) {
            if (json instanceof String string) {
                return CtyValue.string(string);
            }
            if (json instanceof BigDecimal || json instanceof Boolean) {
                return CtyValue.string(json instanceof BigDecimal number ? number.toPlainString() : json.toString());
            }
            throw mismatch(path, "a string");
        }
        if (type == CtyType.NUMBER) {
            if (json instanceof BigDecimal number) {
                return CtyValue.number(number);
            }
            if (json instanceof String text) {
                try {
                    return CtyValue.number(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    throw mismatch(path, "a number");
                }
            }
            throw mismatch(path, "a number");
        }
        if (type == CtyType.BOOL) {
            if (json instanceof Boolean bool) {
                return CtyValue.bool(bool);
            }
            if ("true".equals(json) || "false".equals(json)) {
                return CtyValue.bool(Boolean.parseBoolean((String) json));
            }
            throw mismatch(path, "a bool");
        }
        if (type instanceof CtyType.ListOf list) {
            return new CtyValue.ListValue(elements(json, list.element(), path));
        }
        if (type instanceof CtyType.SetOf set) {
            return new CtyValue.SetValue(elements(json, set.element(), path));
        }
        if (type instanceof CtyType.TupleOf tuple) {
            if (!(json instanceof List<?> array) || array.size() != tuple.elements().size()) {
                throw mismatch(path, "an array of " + tuple.elements().size());
            }
            List<CtyValue> elements = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                elements.add(read(array.get(i), tuple.elements().get(i), path + "[" + i + "]"));
            }
            return new CtyValue.TupleValue(elements);
        }
        if (!(json instanceof Map<?, ?> object)) {
            throw mismatch(path, "an object");
        }
        Map<String, CtyValue> entries = new TreeMap<>();
        if (type instanceof CtyType.MapOf map) {
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                String key = (String) entry.getKey();
                entries.put(key, read(entry.getValue(), map.element(), join(path, key)));
            }
            return new CtyValue.MapValue(entries);
        }
        CtyType.ObjectOf objectType = (CtyType.ObjectOf) type;
        for (Map.Entry<String, CtyType> attribute : objectType.attributes().entrySet()) {
            String name = attribute.getKey();
            entries.put(name, read(object.get(name), attribute.getValue(), join(path, name)));
        }
        return new CtyValue.ObjectValue(entries);
    }

    private static List<CtyValue> elements(Object json, CtyType element, String path) {
        if (!(json instanceof List<?> array)) {
            throw mismatch(path, "an array");
        }
        List<CtyValue> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            elements.add(read(array.get(i), element, path + "[" + i + "]"));
        }
        return elements;
    }

    private static IllegalArgumentException mismatch(String path, String expected) {
        return new IllegalArgumentException((path.isEmpty() ? "the state" : path) + ": " + expected + " was expected");
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
