package dev.fluxboot.manifests.kustomize;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path.Clean} and {@code path.Join}: slash-separated paths cleaned lexically. */
public final class GoPath {

    private GoPath() {
    }

    /** The shortest equivalent path: no empty or {@code .} elements, {@code ..} resolved; "." for nothing. */
    public static String clean(String path) {
        boolean rooted = path.startsWith("/");
        Deque<String> elements = new ArrayDeque<>();
        for (String element : path.split("/", -1)) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!elements.isEmpty() && !elements.peekLast().equals("..")) {
                    elements.removeLast();
                } else if (!rooted) {
                    elements.addLast("..");
                }
                continue;
            }
            elements.addLast(element);
        }
        String joined = String.join("/", elements);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** The non-empty elements joined by {@code /} and cleaned; "" when all are empty. */
    public static String join(String... elements) {
        StringBuilder joined = new StringBuilder();
        for (String element : elements) {
            if (element.isEmpty()) {
                continue;
            }
            if (joined.length() > 0) {
                joined.append('/');
            }
            joined.append(element);
        }
        return joined.length() == 0 ? "" : clean(joined.toString());
    }
}
