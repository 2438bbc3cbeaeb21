package dev.fluxboot.manifests.yaml;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A parser that refuses documents nested deeper than a limit. snakeyaml-engine's composer and
 * constructor recurse once per level, so a document of a few thousand {@code [} (a kustomization,
 * a bundle file, a kubeconfig) would end in a {@link StackOverflowError}; no Kubernetes object
 * comes near the limit.
 */
final class NestingLimitedParser implements Parser {

    private final Parser parser;
    private final int limit;
    private int depth;

    NestingLimitedParser(Parser parser, int limit) {
        this.parser = parser;
        this.limit = limit;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public Event next() {
        Event event = parser.next();
        switch (event.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > limit) {
                    String where = event.getStartMark().map(mark -> " (line " + (mark.getLine() + 1) + ", column "
                            + (mark.getColumn() + 1) + ")").orElse("");
                    throw new YamlEngineException("nested deeper than " + limit + " levels" + where);
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> {
                // scalars, aliases, documents: no level
            }
        }
        return event;
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }
}
