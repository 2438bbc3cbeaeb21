package dev.fluxboot.manifests.yaml;

import dev.fluxboot.FluxbootException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Reads a YAML stream the way kustomize's kyaml does before handing objects on (go-yaml v3
 * into {@code interface{}}): YAML 1.2 booleans and nulls only, Go's integer syntax (base
 * prefixes, underscores, a leading 0 for octal), timestamps left as strings, duplicate keys
 * refused. Values come out as LinkedHashMap (String keys), ArrayList, String, Long,
 * BigInteger (above Long.MAX_VALUE), Double, Boolean and null.
 */
final class GoYamlLoader {

    private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

    private static final Schema SCHEMA = new GoV3Schema();

    /**
     * snakeyaml-engine's default: its reader takes the text this many chars at a time. Each
     * chunk it takes copies its window from the start of the token being scanned, so one token
     * (a line-long scalar) spread over k chunks costs k copies of up to the whole token:
     * quadratic, 83 s for a 15 MiB line. A text longer than this is read in one chunk instead
     * (see {@link #settingsFor}).
     */
    static final int CHUNK_CHARS = 1024;

    /** Immutable, so shared: building settings and schema is the costly part of a load. */
    private static final LoadSettings SETTINGS = settings(CHUNK_CHARS);

    private static LoadSettings settings(int bufferSize) {
        return LoadSettings.builder()
                .setSchema(SCHEMA)
                .setAllowDuplicateKeys(false)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setDefaultMap(LinkedHashMap::new)
                .setDefaultList(ArrayList::new)
                .setBufferSize(bufferSize)
                .build();
    }

    /**
     * The settings to read {@code yaml} with: the shared ones for a text that fits one chunk,
     * else a buffer as long as the text, so the reader takes it in one read and copies its
     * window once: the load stays linear in the text's length.
     */
    static LoadSettings settingsFor(String yaml) {
        return yaml.length() < CHUNK_CHARS ? SETTINGS : settings(yaml.length() + 1);
    }

    private GoYamlLoader() {
    }

    /** Deeper than any Kubernetes object; far from the depth at which the recursive composer overflows the stack. */
    static final int MAX_NESTING = 256;

    static List<Object> loadAll(String yaml) {
        List<Object> documents = new ArrayList<>();
        try {
            LoadSettings settings = settingsFor(yaml);
            Composer composer = new Composer(settings, new NestingLimitedParser(
                    new ParserImpl(settings, new StreamReader(settings, yaml)), MAX_NESTING));
            StandardConstructor constructor = new StandardConstructor(settings);
            while (composer.hasNext()) {
                Object document = constructor.constructSingleDocument(Optional.of(composer.next()));
                if (document != null) {
                    documents.add(withStringKeys(document));
                }
            }
        } catch (YamlEngineException e) {
            throw new FluxbootException("invalid YAML: " + describe(e), e);
        }
        return documents;
    }

    /**
     * Reads the stream's events only (no objects), to refuse a text nested deeper than
     * {@link #MAX_NESTING} before another YAML reader (fabric8's, for a kubeconfig) recurses into it.
     */
    static void checkNesting(String yaml) {
        try {
            LoadSettings settings = settingsFor(yaml);
            Parser parser = new NestingLimitedParser(new ParserImpl(settings, new StreamReader(settings, yaml)), MAX_NESTING);
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (YamlEngineException e) {
            throw new FluxbootException("invalid YAML: " + describe(e), e);
        }
    }

    private static String describe(YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException marked) {
            String where = marked.getProblemMark()
                    .map(m -> " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")")
                    .orElse("");
            String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
            return context + marked.getProblem() + where;
        }
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** JSON (and so kustomize) has only string keys: a key like {@code 8080} becomes "8080". */
    @SuppressWarnings("unchecked")
    private static Object withStringKeys(Object value) {
        if (value instanceof Map<?, ?> map) {
            boolean allStrings = true;
            for (Map.Entry<?, ?> e : ((Map<Object, Object>) map).entrySet()) {
                ((Map.Entry<Object, Object>) e).setValue(withStringKeys(e.getValue()));
                allStrings &= e.getKey() instanceof String;
            }
            if (allStrings) {
                return map;
            }
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), v));
            return converted;
        }
        if (value instanceof List<?> list) {
            List<Object> items = (List<Object>) list;
            for (int i = 0; i < items.size(); i++) {
                items.set(i, withStringKeys(items.get(i)));
            }
        }
        return value;
    }

    /** go-yaml v3's implicit types for plain scalars; quoted scalars are always strings. */
    private static final class GoV3Schema implements Schema {

        private final ScalarResolver resolver = (value, plain) -> plain
                ? tag(GoYamlResolver.kind(value, GoYamlResolver.Reader.V3))
                : Tag.STR;

        private final Map<Tag, ConstructNode> constructors = Map.of(
                Tag.NULL, node -> null,
                Tag.BOOL, node -> GoYamlResolver.boolValue(text(node)),
                Tag.INT, GoV3Schema::integer,
                Tag.FLOAT, GoV3Schema::floatingPoint,
                Tag.BINARY, node -> new String(
                        Base64.getMimeDecoder().decode(text(node)), StandardCharsets.UTF_8));

        private static Tag tag(GoYamlResolver.Kind kind) {
            return switch (kind) {
                case NULL -> Tag.NULL;
                case BOOL -> Tag.BOOL;
                case INT -> Tag.INT;
                case FLOAT -> Tag.FLOAT;
                case STRING, TIMESTAMP -> Tag.STR;
            };
        }

        private static String text(Node node) {
            return ((ScalarNode) node).getValue();
        }

        private static Object integer(Node node) {
            Number n = GoYamlResolver.intValue(text(node), GoYamlResolver.Reader.V3);
            if (n == null) {
                throw new YamlEngineException("cannot read " + text(node) + " as an integer");
            }
            return n;
        }

        private static Object floatingPoint(Node node) {
            String s = text(node);
            try {
                return GoYamlResolver.floatValue(s);
            } catch (NumberFormatException e) {
                Number n = GoYamlResolver.intValue(s, GoYamlResolver.Reader.V3);
                if (n == null) {
                    throw new YamlEngineException("cannot read " + s + " as a float");
                }
                return n.doubleValue();
            }
        }

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return constructors;
        }
    }
}
