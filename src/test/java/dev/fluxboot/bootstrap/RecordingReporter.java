package dev.fluxboot.bootstrap;

import dev.fluxboot.ui.Reporter;

import java.util.ArrayList;
import java.util.List;

/** Keeps what was reported, as {@code marker message} lines, for tests that run the pipeline without the CLI. */
final class RecordingReporter implements Reporter {

    private final List<String> lines = new ArrayList<>();

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    private synchronized void add(String line) {
        lines.add(line);
    }

    @Override
    public void action(String message) {
        add("► " + message);
    }

    @Override
    public void success(String message) {
        add("✔ " + message);
    }

    @Override
    public void waiting(String message) {
        add("◎ " + message);
    }

    @Override
    public void warning(String message) {
        add("⚠️ " + message);
    }

    @Override
    public void failure(String message) {
        add("✗ " + message);
    }

    @Override
    public void info(String message) {
        add(message);
    }

    @Override
    public void result(String text) {
        add("stdout: " + text);
    }
}
