package dev.fluxboot.terraform.cty;

import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values in msgpack as Terraform's plugin protocol carries them (cty's msgpack encoding). The
 * bytes carry no types: the schema's type says how to read them. Null is msgpack nil, an
 * unknown value an extension (type 0, or 12 with refinements), a number an integer, a float or
 * a decimal string, an object a map holding every attribute, a value of dynamic type a pair of
 * its type's JSON and the value.
 */
public final class CtyMsgpack {

    private static final byte UNKNOWN_EXTENSION = 0;
    private static final byte REFINED_UNKNOWN_EXTENSION = 12;

    private CtyMsgpack() {
    }

    /** The value of type {@code type} in {@code bytes}; {@link IllegalArgumentException} naming where it does not fit. */
    public static CtyValue decode(byte[] bytes, CtyType type) {
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
            CtyValue value = read(unpacker, type, "");
            if (unpacker.hasNext()) {
                throw new IllegalArgumentException("msgpack value has trailing bytes");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagePackException e) {
            throw new IllegalArgumentException("not a msgpack value: " + e.getMessage(), e);
        }
    }

    /** {@code value} of type {@code type} in msgpack. */
    public static byte[] encode(CtyValue value, CtyType type) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            write(packer, value, type, "");
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CtyValue read(MessageUnpacker unpacker, CtyType type, String path) throws IOException {
        if (!unpacker.hasNext()) {
            throw mismatch(path, "a value", "the end of the data");
        }
        MessageFormat format = unpacker.getNextFormat();
        switch (format.getValueType()) {
            case NIL:
                unpacker.unpackNil();
                return CtyValue.NULL;
            case EXTENSION:
                return readUnknown(unpacker, path);
            default:
                break;
        }
        if (type == CtyType.DYNAMIC) {
            return readDynamic(unpacker, path);
        }
        if (type instanceof CtyType.Primitive primitive) {
            return readPrimitive(unpacker, format, primitive, path);
        }
        if (type instanceof CtyType.ListOf list) {
            return new CtyValue.ListValue(readElements(unpacker, format, list.element(), path));
        }
        if (type instanceof CtyType.SetOf set) {
            return new CtyValue.SetValue(readElements(unpacker, format, set.element(), path));
        }
        if (type instanceof CtyType.TupleOf tuple) {
            return readTuple(unpacker, format, tuple, path);
        }
        if (type instanceof CtyType.MapOf map) {
            return new CtyValue.MapValue(readEntries(unpacker, format, path, key -> map.element()));
        }
        CtyType.ObjectOf object = (CtyType.ObjectOf) type;
        Map<String, CtyValue> attributes = readEntries(unpacker, format, path, name -> {
            CtyType attributeType = object.attributes().get(name);
            if (attributeType == null) {
                throw new IllegalArgumentException("unexpected attribute " + join(path, name));
            }
            return attributeType;
        });
        for (String name : object.attributes().keySet()) {
            attributes.putIfAbsent(name, CtyValue.NULL);
        }
        return new CtyValue.ObjectValue(attributes);
    }

    private static CtyValue readUnknown(MessageUnpacker unpacker, String path) throws IOException {
        ExtensionTypeHeader header = unpacker.unpackExtensionTypeHeader();
        byte[] payload = unpacker.readPayload(header.getLength());
        if (header.getLength() <= 1) {
            return CtyValue.UNKNOWN;
        }
        if (header.getType() != REFINED_UNKNOWN_EXTENSION) {
            throw new IllegalArgumentException("unexpected msgpack extension " + header.getType() + " at " + describe(path));
        }
        return new CtyValue.UnknownValue(payload);
    }

    private static CtyValue readDynamic(MessageUnpacker unpacker, String path) throws IOException {
        MessageFormat format = unpacker.getNextFormat();
        if (format.getValueType() != org.msgpack.value.ValueType.ARRAY || unpacker.unpackArrayHeader() != 2) {
            throw mismatch(path, "a [type, value] pair (dynamic type)", format.getValueType().name().toLowerCase());
        }
        String typeJson;
        MessageFormat typeFormat = unpacker.getNextFormat();
        if (typeFormat.getValueType() == org.msgpack.value.ValueType.BINARY) {
            typeJson = new String(unpacker.readPayload(unpacker.unpackBinaryHeader()), StandardCharsets.UTF_8);
        } else {
            typeJson = unpacker.unpackString();
        }
        CtyType type = CtyType.fromJson(typeJson);
        return new CtyValue.TypedValue(type, read(unpacker, type, path));
    }

    private static CtyValue readPrimitive(MessageUnpacker unpacker, MessageFormat format, CtyType.Primitive type,
                                          String path) throws IOException {
        switch (type) {
            case STRING:
                if (format.getValueType() != org.msgpack.value.ValueType.STRING) {
                    throw mismatch(path, "a string", format.getValueType().name().toLowerCase());
                }
                return CtyValue.string(unpacker.unpackString());
            case BOOL:
                if (format.getValueType() != org.msgpack.value.ValueType.BOOLEAN) {
                    throw mismatch(path, "a bool", format.getValueType().name().toLowerCase());
                }
                return CtyValue.bool(unpacker.unpackBoolean());
            default:
                switch (format.getValueType()) {
                    case INTEGER:
                        return CtyValue.number(new BigDecimal(unpacker.unpackBigInteger()));
                    case FLOAT:
                        double number = unpacker.unpackDouble();
                        if (Double.isNaN(number) || Double.isInfinite(number)) {
                            throw mismatch(path, "a finite number", Double.toString(number));
                        }
                        return CtyValue.number(new BigDecimal(Double.toString(number)));
                    case STRING:
                        String text = unpacker.unpackString();
                        try {
                            return CtyValue.number(new BigDecimal(text));
                        } catch (NumberFormatException e) {
                            throw mismatch(path, "a number", "a string that is not one");
                        }
                    default:
                        throw mismatch(path, "a number", format.getValueType().name().toLowerCase());
                }
        }
    }

    private static List<CtyValue> readElements(MessageUnpacker unpacker, MessageFormat format, CtyType element,
                                               String path) throws IOException {
        if (format.getValueType() != org.msgpack.value.ValueType.ARRAY) {
            throw mismatch(path, "an array", format.getValueType().name().toLowerCase());
        }
        int size = unpacker.unpackArrayHeader();
        List<CtyValue> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            elements.add(read(unpacker, element, path + "[" + i + "]"));
        }
        return elements;
    }

    private static CtyValue readTuple(MessageUnpacker unpacker, MessageFormat format, CtyType.TupleOf tuple,
                                      String path) throws IOException {
        if (format.getValueType() != org.msgpack.value.ValueType.ARRAY) {
            throw mismatch(path, "an array", format.getValueType().name().toLowerCase());
        }
        int size = unpacker.unpackArrayHeader();
        if (size != tuple.elements().size()) {
            throw mismatch(path, "a tuple of " + tuple.elements().size(), "one of " + size);
        }
        List<CtyValue> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            elements.add(read(unpacker, tuple.elements().get(i), path + "[" + i + "]"));
        }
        return new CtyValue.TupleValue(elements);
    }

    private interface KeyType {
        CtyType of(String key);
    }

    private static Map<String, CtyValue> readEntries(MessageUnpacker unpacker, MessageFormat format, String path,
                                                     KeyType types) throws IOException {
        if (format.getValueType() != org.msgpack.value.ValueType.MAP) {
            throw mismatch(path, "a map", format.getValueType().name().toLowerCase());
        }
        int size = unpacker.unpackMapHeader();
        Map<String, CtyValue> entries = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            String key = unpacker.unpackString();
            entries.put(key, read(unpacker, types.of(key), join(path, key)));
        }
        return entries;
    }

    private static void write(MessageBufferPacker packer, CtyValue value, CtyType type, String path) throws IOException {
        if (value.isNull()) {
            packer.packNil();
            return;
        }
        if (value instanceof CtyValue.UnknownValue unknown) {
            byte[] refinements = unknown.refinements();
            if (refinements.length == 0) {
                packer.packExtensionTypeHeader(UNKNOWN_EXTENSION, 1);
                packer.writePayload(new byte[] {0});
            } else {
                packer.packExtensionTypeHeader(REFINED_UNKNOWN_EXTENSION, refinements.length);
                packer.writePayload(refinements);
            }
            return;
        }
        if (type == CtyType.DYNAMIC) {
            CtyValue.TypedValue typed = expect(value, CtyValue.TypedValue.class, path, "a value of dynamic type");
            byte[] typeJson = typed.type().toJson().getBytes(StandardCharsets.UTF_8);
            packer.packArrayHeader(2);
            packer.packBinaryHeader(typeJson.length);
            packer.writePayload(typeJson);
            write(packer, typed.value(), typed.type(), path);
            return;
        }
        if (type == CtyType.STRING) {
            packer.packString(expect(value, CtyValue.StringValue.class, path, "a string").value());
        } else if (type == CtyType.BOOL) {
            packer.packBoolean(expect(value, CtyValue.BoolValue.class, path, "a bool").value());
        } else if (type == CtyType.NUMBER) {
            writeNumber(packer, expect(value, CtyValue.NumberValue.class, path, "a number").value());
        } else if (type instanceof CtyType.ListOf list) {
            writeElements(packer, expect(value, CtyValue.ListValue.class, path, "a list").elements(), list.element(), path);
        } else if (type instanceof CtyType.SetOf set) {
            writeElements(packer, List.copyOf(expect(value, CtyValue.SetValue.class, path, "a set").elements()),
                    set.element(), path);
        } else if (type instanceof CtyType.TupleOf tuple) {
            List<CtyValue> elements = expect(value, CtyValue.TupleValue.class, path, "a tuple").elements();
            if (elements.size() != tuple.elements().size()) {
                throw mismatch(path, "a tuple of " + tuple.elements().size(), "one of " + elements.size());
            }
            packer.packArrayHeader(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                write(packer, elements.get(i), tuple.elements().get(i), path + "[" + i + "]");
            }
        } else if (type instanceof CtyType.MapOf map) {
            Map<String, CtyValue> entries = expect(value, CtyValue.MapValue.class, path, "a map").entries();
            packer.packMapHeader(entries.size());
            for (Map.Entry<String, CtyValue> entry : entries.entrySet()) {
                packer.packString(entry.getKey());
                write(packer, entry.getValue(), map.element(), join(path, entry.getKey()));
            }
        } else {
            CtyType.ObjectOf object = (CtyType.ObjectOf) type;
            CtyValue.ObjectValue objectValue = expect(value, CtyValue.ObjectValue.class, path, "an object");
            for (String name : objectValue.attributes().keySet()) {
                if (!object.attributes().containsKey(name)) {
                    throw new IllegalArgumentException("unexpected attribute " + join(path, name));
                }
            }
            packer.packMapHeader(object.attributes().size());
            for (Map.Entry<String, CtyType> attribute : object.attributes().entrySet()) {
                packer.packString(attribute.getKey());
                write(packer, objectValue.get(attribute.getKey()), attribute.getValue(), join(path, attribute.getKey()));
            }
        }
    }

    /** As cty writes numbers: an integer when it is one that fits, a float when exact, else decimal text. */
    private static void writeNumber(MessageBufferPacker packer, BigDecimal number) throws IOException {
        if (number.signum() == 0 || number.scale() <= 0) {
            BigInteger integer = number.toBigIntegerExact();
            if (integer.bitLength() < 64) {
                packer.packLong(integer.longValue());
                return;
            }
        } else {
            double asDouble = number.doubleValue();
            if (!Double.isInfinite(asDouble) && new BigDecimal(asDouble).compareTo(number) == 0) {
                packer.packDouble(asDouble);
                return;
            }
        }
        packer.packString(number.toPlainString());
    }

    private static void writeElements(MessageBufferPacker packer, List<CtyValue> elements, CtyType element, String path)
            throws IOException {
        packer.packArrayHeader(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            write(packer, elements.get(i), element, path + "[" + i + "]");
        }
    }

    private static <T extends CtyValue> T expect(CtyValue value, Class<T> kind, String path, String expected) {
        if (!kind.isInstance(value)) {
            throw mismatch(path, expected, value.getClass().getSimpleName());
        }
        return kind.cast(value);
    }

    private static IllegalArgumentException mismatch(String path, String expected, String found) {
        return new IllegalArgumentException(describe(path) + ": " + expected + " was expected, not " + found);
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the value" : path;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
