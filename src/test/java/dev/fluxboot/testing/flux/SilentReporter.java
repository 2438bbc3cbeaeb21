package dev.fluxboot.testing.flux;

import dev.fluxboot.ui.Reporter;

/** The git layer's reporter for the simulated controllers: a controller prints nothing. */
final class SilentReporter implements Reporter {

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
