package dev.fluxboot;

/**
 * A run that was cancelled (Ctrl-C, Terraform's StopProvider, a library caller) stopped before it
 * finished. What it created in temporary folders is gone; what it already pushed or applied stays,
 * and a re-run finishes the job.
 */
public class CancelledException extends FluxbootException {

    public CancelledException(String what, Throwable cause) {
        super(ExitCode.FAILURE, what + " cancelled: stopped before it finished; re-run the same command to finish it",
                cause);
    }
}
