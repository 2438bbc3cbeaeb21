package dev.fluxboot.ui;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Standard input when it is not a terminal (a pipe, a file, {@code /dev/null}): where the Flux CLI
 * reads a token or password it needs and was not given ({@code echo $TOKEN | flux bootstrap github}).
 * Nothing is read until {@link #readLine()} is called, so a run that needs no secret never waits on a
 * stdin that is open and never written. At a terminal the {@link Prompter} asks instead.
 */
public final class PipedInput {

    /** A secret is one line; more than this is not a secret but a file piped in by mistake. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final PipedInput NONE = new PipedInput(InputStream.nullInputStream(), () -> false);

    private final InputStream in;
    private final BooleanSupplier piped;

    private PipedInput(InputStream in, BooleanSupplier piped) {
        this.in = in;
        this.piped = piped;
    }

    /** No piped input: standard input is a terminal, or is not to be read (tests, embedding). */
    public static PipedInput none() {
        return NONE;
    }

    /** {@code in} as a stdin that is not a terminal. */
    public static PipedInput of(InputStream in) {
        Objects.requireNonNull(in, "in");
        return new PipedInput(in, () -> true);
    }

    /** {@code text} as a stdin that is not a terminal, e.g. {@code "token\n"}. */
    public static PipedInput of(String text) {
        return of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The process's standard input, piped when it is not a terminal. Found out only when asked (one
     * look at {@code /proc/self/fd/0}), so a run that needs no secret pays nothing for it.
     */
    public static PipedInput forProcess() {
        return new PipedInput(System.in, () -> !stdinIsTerminal());
    }

    /** Whether standard input is a pipe or a file to read a secret from, rather than a terminal. */
    public boolean piped() {
        return piped.getAsBoolean();
    }

    /**
     * The first line, without its line end ({@code \n}, {@code \r\n}), as the Flux CLI reads it; a last
     * line without a line end counts too. Empty when the input ends before anything (or is not piped).
     */
    public Optional<String> readLine() {
        if (!piped()) {
            return Optional.empty();
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int next;
            while ((next = in.read()) != -1 && next != '\n') {
                if (line.size() == MAX_LINE_BYTES) {
                    throw new UsageException("standard input is not one line of a secret (its first line is longer"
                            + " than " + MAX_LINE_BYTES + " bytes): pipe in only the token or password");
                }
                line.write(next);
            }
        } catch (IOException e) {
            throw new FluxbootException("cannot read standard input: " + Failures.reason(e));
        }
        String text = line.toString(StandardCharsets.UTF_8);
        // Flux trims any \r and \n at the end, nothing else: a password may end in a space.
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == '\n')) {
            end--;
        }
        return end == 0 ? Optional.empty() : Optional.of(text.substring(0, end));
    }

    /**
     * Whether fd 0 is a terminal. Java 17 cannot ask directly: {@link System#console()} is there only
     * when stdin and stdout both are one; else Linux's {@code /proc/self/fd/0} names the device. Where
     * neither tells, stdin counts as a terminal, so it is never read without a prompt.
     */
    static boolean stdinIsTerminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return isTerminalDevice(device);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }

    /** A terminal's device: a pseudo-terminal, a tty, the console. */
    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
    }
}
