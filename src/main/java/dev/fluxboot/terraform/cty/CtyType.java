package dev.fluxboot.terraform.cty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A type of Terraform's value system (cty): what a schema declares and what tells the msgpack
 * and JSON codecs how to read a value, since neither format carries the types itself.
 */
public sealed interface CtyType permits CtyType.Primitive, CtyType.ListOf, CtyType.SetOf, CtyType.MapOf,
        CtyType.ObjectOf, CtyType.TupleOf, CtyType.Dynamic {

    CtyType STRING = Primitive.STRING;
    CtyType NUMBER = Primitive.NUMBER;
    CtyType BOOL = Primitive.BOOL;
    CtyType DYNAMIC = Dynamic.DYNAMIC;

    /** The type in cty's JSON form, as schemas carry it: {@code "string"}, {@code ["list","string"]}. */
    String toJson();

    static CtyType listOf(CtyType element) {
        return new ListOf(element);
    }

    static CtyType setOf(CtyType element) {
        return new SetOf(element);
    }

    static CtyType mapOf(CtyType element) {
        return new MapOf(element);
    }

    /** The type of a JSON type description, e.g. of a dynamic value's type in msgpack. */
    static CtyType fromJson(String json) {
        return fromJsonValue(Json.parse(json));
    }

    private static CtyType fromJsonValue(Object json) {
        if (json instanceof String name) {
            return switch (name) {
                case "string" -> STRING;
                case "number" -> NUMBER;
                case "bool" -> BOOL;
                case "dynamic" -> DYNAMIC;
                default -> throw new IllegalArgumentException("not a cty type: " + name);
            };
        }
        if (json instanceof List<?> list && list.size() >= 2 && list.get(0) instanceof String kind) {
            Object argument = list.get(1);
            switch (kind) {
                case "list":
                    return new ListOf(fromJsonValue(argument));
                case "set":
                    return new SetOf(fromJsonValue(argument));
                case "map":
                    return new MapOf(fromJsonValue(argument));
                case "object":
                    if (argument instanceof Map<?, ?> attributes) {
                        Map<String, CtyType> types = new TreeMap<>();
                        for (Map.Entry<?, ?> entry : attributes.entrySet()) {
                            types.put((String) entry.getKey(), fromJsonValue(entry.getValue()));
                        }
                        return new ObjectOf(types);
                    }
                    break;
                case "tuple":
                    if (argument instanceof List<?> elements) {
                        List<CtyType> types = new ArrayList<>();
                        for (Object element : elements) {
                            types.add(fromJsonValue(element));
                        }
                        return new TupleOf(types);
                    }
                    break;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("not a cty type: " + Json.write(json));
    }

    enum Primitive implements CtyType {
        STRING, NUMBER, BOOL;

        @Override
        public String toJson() {
            return "\"" + name().toLowerCase(java.util.Locale.ROOT) + "\"";
        }
    }

    /** cty's dynamic pseudo-type: any type, decided by the value, which then carries its type. */
    enum Dynamic implements CtyType {
        DYNAMIC;

        @Override
        public String toJson() {
            return "\"dynamic\"";
        }
    }

    record ListOf(CtyType element) implements CtyType {
        @Override
        public String toJson() {
            return "[\"list\"," + element.toJson() + "]";
        }
    }

    record SetOf(CtyType element) implements CtyType {
        @Override
        public String toJson() {
            return "[\"set\"," + element.toJson() + "]";
        }
    }

    record MapOf(CtyType element) implements CtyType {
        @Override
        public String toJson() {
            return "[\"map\"," + element.toJson() + "]";
        }
    }

    /** An object type: attribute names to types, in name order (cty's objects have no order). */
    record ObjectOf(Map<String, CtyType> attributes) implements CtyType {
        public ObjectOf {
            attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
        }

        @Override
        public String toJson() {
            StringBuilder json = new StringBuilder("[\"object\",{");
            String separator = "";
            for (Map.Entry<String, CtyType> attribute : attributes.entrySet()) {
                json.append(separator).append(Json.quote(attribute.getKey())).append(':').append(attribute.getValue().toJson());
                separator = ",";
            }
            return json.append("}]").toString();
        }
    }

    record TupleOf(List<CtyType> elements) implements CtyType {
        public TupleOf {
            elements = List.copyOf(elements);
        }

        @Override
        public String toJson() {
            StringBuilder json = new StringBuilder("[\"tuple\",[");
            String separator = "";
            for (CtyType element : elements) {
                json.append(separator).append(element.toJson());
                separator = ",";
            }
            return json.append("]]").toString();
        }
    }
}
