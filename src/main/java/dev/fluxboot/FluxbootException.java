package dev.fluxboot;

/**
 * A failure the user can act on. The message is one line that names what was wrong and how
 * to fix it; it is printed as it is, so it must never carry a token, password or key.
 */
public class FluxbootException extends RuntimeException {

    private final int exitCode;

    public FluxbootException(String message) {
        this(message, null);
    }

    public FluxbootException(String message, Throwable cause) {
        this(ExitCode.FAILURE, message, cause);
    }

    protected FluxbootException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
