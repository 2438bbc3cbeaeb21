package dev.fluxboot.git;

import dev.fluxboot.ui.Reporter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every line reported, prefixed with its kind, so tests can assert on them (and on what they lack). */
final class RecordingReporter implements Reporter {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void action(String message) {
        lines.add("action: " + message);
    }

    @Override
    public void success(String message) {
        lines.add("success: " + message);
    }

    @Override
    public void waiting(String message) {
        lines.add("waiting: " + message);
    }

    @Override
    public void warning(String message) {
        lines.add("warning: " + message);
    }

    @Override
    public void failure(String message) {
        lines.add("failure: " + message);
    }

    @Override
    public void info(String message) {
        lines.add("info: " + message);
    }

    @Override
    public void result(String text) {
        lines.add("result: " + text);
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String all() {
        return String.join("\n", lines());
    }
}
