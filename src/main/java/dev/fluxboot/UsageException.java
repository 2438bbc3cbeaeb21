package dev.fluxboot;

/** Bad input: a flag or value that cannot work. Exit code 2, raised before anything runs. */
public class UsageException extends FluxbootException {

    public UsageException(String message) {
        super(ExitCode.USAGE, message, null);
    }
}
