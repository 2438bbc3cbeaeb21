package dev.fluxboot.terraform;

import java.util.List;
import java.util.Objects;

/**
 * An error or warning for Terraform to show: a one-line summary, a detail, and the attribute it
 * is about (names from the top of the configuration, e.g. {@code [git, url]}), if any.
 */
public record Diagnostic(Severity severity, String summary, String detail, List<String> attributePath) {

    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(detail, "detail");
        attributePath = List.copyOf(attributePath);
    }

    public static Diagnostic error(String summary, String detail) {
        return new Diagnostic(Severity.ERROR, summary, detail, List.of());
    }

    public static Diagnostic attributeError(List<String> path, String summary, String detail) {
        return new Diagnostic(Severity.ERROR, summary, detail, path);
    }

    public static Diagnostic warning(String summary, String detail) {
        return new Diagnostic(Severity.WARNING, summary, detail, List.of());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Whether any of {@code diagnostics} is an error. */
    public static boolean anyError(List<Diagnostic> diagnostics) {
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isError()) {
                return true;
            }
        }
        return false;
    }
}
