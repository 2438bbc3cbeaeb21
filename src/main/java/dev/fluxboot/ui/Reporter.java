package dev.fluxboot.ui;

/**
 * Progress for people, on stderr, with the Flux CLI's markers. Results for machines go to
 * stdout through {@link #result(String)} only.
 */
public interface Reporter {

    /** {@code ►} something starts. */
    void action(String message);

    /** {@code ✔} something finished well. */
    void success(String message);

    /** {@code ◎} waiting for something. */
    void waiting(String message);

    /** {@code ⚠️} something the user should know, that does not stop the run. */
    void warning(String message);

    /** {@code ✗} something failed. */
    void failure(String message);

    /** Plain detail line on stderr (e.g. a public key to register). */
    void info(String message);

    /** Machine output on stdout (e.g. {@code install --export} YAML), written as it is. */
    void result(String text);

    /** Reports nothing: for callers that want no progress. */
    static Reporter silent() {
        return Silent.INSTANCE;
    }

    /** Passes every line on to another reporter; extend it to also act on some lines. */
    class Forwarding implements Reporter {
        private final Reporter to;

        public Forwarding(Reporter to) {
            this.to = to;
        }

        @Override
        public void action(String message) {
            to.action(message);
        }

        @Override
        public void success(String message) {
            to.success(message);
        }

        @Override
        public void waiting(String message) {
            to.waiting(message);
        }

        @Override
        public void warning(String message) {
            to.warning(message);
        }

        @Override
        public void failure(String message) {
            to.failure(message);
        }

        @Override
        public void info(String message) {
            to.info(message);
        }

        @Override
        public void result(String text) {
            to.result(text);
        }
    }

    /** The reporter of {@link #silent()}; an enum so it holds no state. */
    enum Silent implements Reporter {
        INSTANCE;

        @Override
        public void action(String message) {
        }

        @Override
        public void success(String message) {
        }

        @Override
        public void waiting(String message) {
        }

        @Override
        public void warning(String message) {
        }

        @Override
        public void failure(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void result(String text) {
        }
    }
}
