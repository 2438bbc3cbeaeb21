package dev.fluxboot.testing.flux;

import dev.fluxboot.testing.flux.FluxControllerSimulator.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What tests set (faults) and what the simulated controllers did (status writes, last
 * revisions, their own unexpected errors). Shared by the test thread and the simulator's thread.
 */
final class Ledger {

    record Key(Kind kind, String name) {
    }

    private final Map<Key, Fault> faults = new ConcurrentHashMap<>();
    private final Map<Key, Integer> writes = new ConcurrentHashMap<>();
    private final Map<Key, String> revisions = new ConcurrentHashMap<>();
    private final List<String> errors = new ArrayList<>();

    void inject(Kind kind, String name, Fault fault) {
        faults.put(new Key(kind, name), fault);
    }

    void clear(Kind kind, String name) {
        faults.remove(new Key(kind, name));
    }

    Optional<Fault> fault(Kind kind, String name) {
        return Optional.ofNullable(faults.get(new Key(kind, name)));
    }

    /** One new status written to the object. */
    void statusWritten(Kind kind, String name) {
        writes.merge(new Key(kind, name), 1, Integer::sum);
    }

    /** The object was reconciled successfully at this revision (whether its status changed or not). */
    void reconciledRevision(Kind kind, String name, String revision) {
        revisions.put(new Key(kind, name), revision);
    }

    int statusWrites(Kind kind, String name) {
        return writes.getOrDefault(new Key(kind, name), 0);
    }

    Optional<String> lastRevision(Kind kind, String name) {
        return Optional.ofNullable(revisions.get(new Key(kind, name)));
    }

    synchronized void error(String message) {
        if (errors.size() >= 50) {
            errors.remove(0);
        }
        errors.add(message);
    }

    synchronized List<String> errors() {
        return new ArrayList<>(errors);
    }
}
