package dev.fluxboot.testing;

import dev.fluxboot.ui.Reporter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every reported line with its marker, for assertions (including that a token never shows). */
public final class RecordingReporter implements Reporter {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
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
