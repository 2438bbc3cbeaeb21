package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a {@link FieldSpec}'s path in an object as kustomize's field spec filter does, and hands
 * what is at its end to a {@link Setter}:
 * <ul>
 *   <li>a sequence met on the way is walked into element by element, with the same rest of the path;</li>
 *   <li>a missing field ends the walk, unless the spec creates: then it is created as a map, the
 *       last one as {@link Create} says (an element marked {@code name[]} is only looked up);</li>
 *   <li>a null field ends the walk before the end; where the spec creates it becomes a map (an
 *       empty list for {@code name[]});</li>
 *   <li>a scalar with path left is an error, as in kustomize.</li>
 * </ul>
 */
final class FieldSpecWalker {

    /** What a creating spec makes at the end of its path. */
    enum Create { NOTHING, MAP, SCALAR }

    /** Receives the value at the end of the path (null for none) and returns the value to put there. */
    @FunctionalInterface
    interface Setter {
        Object set(Object value);
    }

    private final FieldSpec spec;
    private final List<String> path;
    private final Create create;
    private final Setter setter;
    private final String where;

    private FieldSpecWalker(FieldSpec spec, Create create, Setter setter, String where) {
        this.spec = spec;
        this.path = spec.elements();
        this.create = create;
        this.setter = setter;
        this.where = where;
    }

    /**
     * Applies {@code setter} at the spec's path in the resource's object, if the spec selects
     * the resource's group, version and kind.
     */
    static void apply(Resource resource, FieldSpec spec, Create create, Setter setter) {
        if (!spec.selects(resource)) {
            return;
        }
        new FieldSpecWalker(spec, create, setter, resource.describe()).visit(resource.object(), 0);
    }

    @SuppressWarnings("unchecked")
    private Object visit(Object node, int index) {
        if (index == path.size()) {
            return setter.set(node);
        }
        if (node == null) {
            return null;
        }
        if (node instanceof List<?> list) {
            List<Object> elements = (List<Object>) list;
            for (int i = 0; i < elements.size(); i++) {
                elements.set(i, visit(elements.get(i), index));
            }
            return node;
        }
        if (node instanceof Map<?, ?> map) {
            visitField((Map<String, Object>) map, index);
            return node;
        }
        throw new FluxbootException("cannot set " + spec.path() + " in " + where + ": "
                + (index == 0 ? "the object" : String.join("/", path.subList(0, index)))
                + " is a value, not an object or a list");
    }

    private void visitField(Map<String, Object> map, int index) {
        String element = path.get(index);
        boolean sequence = element.endsWith("[]");
        String name = sequence ? element.substring(0, element.length() - 2) : element;
        if (name.isEmpty()) {
            throw new FluxbootException("cannot set " + spec.path() + " in " + where + ": an empty field name");
        }
        boolean creates = spec.create() && create != Create.NOTHING && !sequence;
        boolean last = index == path.size() - 1;
        if (!map.containsKey(name)) {
            if (!creates) {
                return;
            }
            map.put(name, last ? created() : new LinkedHashMap<String, Object>());
        } else if (map.get(name) == null && (creates || sequence)) {
            map.put(name, sequence ? new ArrayList<Object>() : last ? created() : new LinkedHashMap<String, Object>());
        }
        map.put(name, visit(map.get(name), index + 1));
    }

    private Object created() {
        return create == Create.MAP ? new LinkedHashMap<String, Object>() : null;
    }
}
