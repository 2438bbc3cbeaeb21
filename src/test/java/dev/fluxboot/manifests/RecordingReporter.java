package dev.fluxboot.manifests;

import dev.fluxboot.ui.Reporter;

import java.util.ArrayList;
import java.util.List;

/** Keeps what would go to stderr, marker first, for assertions. */
final class RecordingReporter implements Reporter {

    final List<String> lines = new ArrayList<>();

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
