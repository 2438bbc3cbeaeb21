package dev.fluxboot.cluster;

import dev.fluxboot.ui.Reporter;

import java.util.ArrayList;
import java.util.List;

/** Keeps every line a step reports, with its marker, for assertions. */
final class RecordingReporter implements Reporter {

    private final List<String> lines = new ArrayList<>();

    List<String> lines() {
        return lines;
    }

    @Override
    public void action(String message) {
        lines.add("► " + message);
    }

    @Override
    public void success(String message) {
        lines.add("✔ " + message);
    }

    @Override
    public void waiting(String message) {
        lines.add("◎ " + message);
    }

    @Override
    public void warning(String message) {
        lines.add("⚠️ " + message);
    }

    @Override
    public void failure(String message) {
        lines.add("✗ " + message);
    }

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void result(String text) {
        lines.add("stdout: " + text);
    }
}
