package dev.fluxboot.git;

import dev.fluxboot.ui.Redactor;

/**
 * Stands in for a library exception whose message may hold credentials: same class name and
 * stack trace (for {@code --verbose}), message run through the redactor, causes likewise.
 */
final class RedactedException extends Exception {

    private RedactedException(String message, StackTraceElement[] stack, Throwable cause) {
        super(message, cause, false, true);
        setStackTrace(stack);
    }

    static Throwable of(Throwable original, Redactor redactor) {
        if (original == null) {
            return null;
        }
        Throwable cause = original.getCause() == original ? null : of(original.getCause(), redactor);
        String message = original.getClass().getName()
                + (original.getMessage() == null ? "" : ": " + redactor.redact(original.getMessage()));
        return new RedactedException(message, original.getStackTrace(), cause);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
