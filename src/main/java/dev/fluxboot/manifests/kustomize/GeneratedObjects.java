package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The ConfigMap or Secret of a generator entry, as kustomize makes it: {@code apiVersion: v1},
 * the name and namespace given, the options' labels and annotations and {@code immutable}. A
 * ConfigMap holds UTF-8 values in {@code data} and other bytes base64-encoded in
 * {@code binaryData}, none when it has no pairs; a Secret has its {@code type} (Opaque by default)
 * and every value base64-encoded in {@code data}, cut into lines of 70 characters (each ending in
 * a newline) once the encoding is that long, as kustomize writes it.
 */
final class GeneratedObjects {

    private static final int BASE64_LINE = 70;

    private GeneratedObjects() {
    }

    static Resource make(GeneratorArgs args, Function<String, byte[]> read) {
        if (args.name().isEmpty()) {
            throw new FluxbootException(args.where() + " has no name; give the " + args.kind() + " a name");
        }
        Map<String, byte[]> pairs = new TreeMap<>();
        for (KeyValueSources.Pair pair : KeyValueSources.load(args, read)) {
            if (pairs.put(pair.key(), pair.value()) != null) {
                throw new FluxbootException(args.where() + " has the key '" + pair.key()
                        + "' twice; kustomize refuses that: keep one");
            }
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "v1");
        object.put("kind", args.kind());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", args.name());
        if (!args.namespace().isEmpty()) {
            metadata.put("namespace", args.namespace());
        }
        object.put("metadata", metadata);
        if (args.isSecret()) {
            object.put("type", args.type().isEmpty() ? "Opaque" : args.type());
            Map<String, Object> data = new LinkedHashMap<>();
            pairs.forEach((key, value) -> data.put(key, base64(value)));
            object.put("data", data);
        } else {
            Map<String, Object> data = new LinkedHashMap<>();
            Map<String, Object> binaryData = new LinkedHashMap<>();
            pairs.forEach((key, value) -> {
                String text = utf8(value);
                if (text == null) {
                    binaryData.put(key, base64(value));
                } else {
                    data.put(key, text);
                }
            });
            if (!data.isEmpty()) {
                object.put("data", data);
            }
            if (!binaryData.isEmpty()) {
                object.put("binaryData", binaryData);
            }
        }
        GeneratorOptions options = args.options();
        if (!options.labels().isEmpty()) {
            metadata.put("labels", new LinkedHashMap<String, Object>(new TreeMap<>(options.labels())));
        }
        if (!options.annotations().isEmpty()) {
            metadata.put("annotations", new LinkedHashMap<String, Object>(new TreeMap<>(options.annotations())));
        }
        if (options.immutable()) {
            object.put("immutable", true);
        }
        return Resource.generated(object, args.behavior(), !options.disableNameSuffixHash());
    }

    private static String utf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Kustomize's encodeBase64: lines of 70 characters, each followed by a newline, once there are 70. */
    static String base64(byte[] value) {
        String encoded = Base64.getEncoder().encodeToString(value);
        if (encoded.length() < BASE64_LINE) {
            return encoded;
        }
        StringBuilder wrapped = new StringBuilder(encoded.length() + encoded.length() / BASE64_LINE + 1);
        for (int i = 0; i < encoded.length(); i += BASE64_LINE) {
            wrapped.append(encoded, i, Math.min(encoded.length(), i + BASE64_LINE)).append('\n');
        }
        return wrapped.toString();
    }

}
