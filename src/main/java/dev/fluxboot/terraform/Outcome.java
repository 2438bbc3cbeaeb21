package dev.fluxboot.terraform;

import java.util.ArrayList;
import java.util.List;

/** The value a provider call answers with, and the diagnostics to show with it. */
public record Outcome<T>(T value, List<Diagnostic> diagnostics) {

    public Outcome {
        diagnostics = List.copyOf(diagnostics);
    }

    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, List.of());
    }

    public static <T> Outcome<T> failed(T value, Diagnostic error) {
        return new Outcome<>(value, List.of(error));
    }

    public Outcome<T> with(List<Diagnostic> more) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(more);
        return new Outcome<>(value, all);
    }

    public boolean hasErrors() {
        return Diagnostic.anyError(diagnostics);
    }
}
