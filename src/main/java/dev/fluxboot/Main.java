package dev.fluxboot;

import dev.fluxboot.cli.BootstrapCommand;
import dev.fluxboot.cli.CommandTree;
import dev.fluxboot.api.BuildInfo;
import dev.fluxboot.api.Cancellation;
import dev.fluxboot.cli.CliEnvironment;
import dev.fluxboot.cli.EnvironmentDefaults;
import dev.fluxboot.cli.ExecutionErrorHandler;
import dev.fluxboot.cli.FluxbootCommand;
import dev.fluxboot.cli.HelpLayout;
import dev.fluxboot.cli.ParameterErrorHandler;
import dev.fluxboot.ui.ConsoleReporter;
import dev.fluxboot.ui.Failures;
import dev.fluxboot.ui.PipedInput;
import dev.fluxboot.ui.Prompter;
import dev.fluxboot.ui.Reporter;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Entry point: builds the picocli command line, runs it, exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // picocli's settings for a fast start, where the user has not set them:
        // - it looks for groovy.lang.Closure when it first builds a command; not finding it means
        //   searching the class path, which opens the jar (tens of thousands of entries) in a run
        //   whose classes all come from the launcher's class-data archive. No Groovy here.
        // - each command registers converters for java.sql and java.time types by reflection,
        //   loading and initialising those classes (date formatters, patterns). No option here
        //   has such a type without its own converter (--timeout has GoDurationConverter). The
        //   pattern is compiled for each of those types and each command: the simplest that
        //   matches java.sql.* and java.time.* but not java.nio.file.Path (which --manifests uses).
        setIfAbsent("picocli.disable.closures", "true");
        setIfAbsent("picocli.converters.excludes", "java.[st].*");
        // UTF-8 whatever the platform default, so Flux's markers (✔ ►) survive LANG=C.
        PrintStream out = new Utf8PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Cancellation cancellation = Cancellation.create();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> cancelOnSignal(cancellation, finished),
                "fluxboot-interrupt"));
        int exitCode = run(args, out, err, System.getenv(), Prompter.forConsole(), PipedInput.forProcess(),
                cancellation);
        out.flush();
        err.flush();
        finished.countDown();
        System.exit(exitCode);
    }

    /**
     * Ctrl-C (or a TERM): the running operation is cancelled, reports one line and removes its
     * temporary files; the JVM ends when it has, or after {@link #CANCEL_GRACE} at the latest.
     */
    private static void cancelOnSignal(Cancellation cancellation, CountDownLatch finished) {
        if (finished.getCount() == 0) {
            return; // a normal exit
        }
        cancellation.cancel();
        try {
            finished.await(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Duration CANCEL_GRACE = Duration.ofSeconds(2);

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** Runs {@code fluxboot args} without a terminal to ask questions on; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, Prompter.none());
    }

    /** Runs {@code fluxboot args}; returns the exit code. Never calls {@code System.exit}. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Prompter prompter) {
        return run(args, out, err, env, prompter, Cancellation.none());
    }

    /** As {@link #run(String[], PrintStream, PrintStream, Map, Prompter)}; {@code cancellation} stops the running operation. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Prompter prompter,
                          Cancellation cancellation) {
        return run(args, out, err, env, prompter, PipedInput.none(), cancellation);
    }

    /**
     * As {@link #run(String[], PrintStream, PrintStream, Map, Prompter, Cancellation)}; a token or password
     * the flags and variables do not give is read from {@code stdin} when it is piped.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Prompter prompter,
                          PipedInput stdin, Cancellation cancellation) {
        try {
            CommandLine commandLine = commandLine(out, err, env, prompter, stdin, Optional.of(List.of(args)),
                    cancellation);
            return commandLine.execute(BootstrapCommand.providerFirst(commandLine, args));
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler; these would print a thousand-line trace
            err.println("✗ unexpected error: " + Failures.reason(e) + " (run with --verbose for the stack trace)");
            if (List.of(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            return ExitCode.FAILURE;
        }
    }

    /** The whole command line, every subcommand built, writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env, Prompter prompter) {
        return commandLine(out, err, env, prompter, Optional.empty(), Cancellation.none());
    }

    /**
     * The command line for running {@code args} (when given), in which only the subcommands the
     * arguments name are built in full (see {@link CommandTree}).
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env, Prompter prompter,
                                          Optional<List<String>> args, Cancellation cancellation) {
        return commandLine(out, err, env, prompter, PipedInput.none(), args, cancellation);
    }

    private static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env,
                                           Prompter prompter, PipedInput stdin, Optional<List<String>> args,
                                           Cancellation cancellation) {
        Reporter reporter = ConsoleReporter.forEnvironment(out, err, env);
        BuildInfo build = BuildInfo.ofThisBuild();
        FluxbootCommand root = new FluxbootCommand(new CliEnvironment(out, err, env, reporter, prompter, stdin, build,
                cancellation));
        CommandLine commandLine = new CommandLine(root);
        // Before the settings below: picocli applies them to the subcommands there are.
        CommandTree.addSubcommands(commandLine, FluxbootCommand.SUBCOMMANDS, args);
        commandLine.setDefaultValueProvider(EnvironmentDefaults.from(env, reporter));
        commandLine.getCommandSpec().versionProvider(new VersionText(build));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(env.containsKey("NO_COLOR") ? Ansi.OFF : Ansi.AUTO));
        commandLine.setCaseInsensitiveEnumValuesAllowed(false);
        commandLine.setParameterExceptionHandler(new ParameterErrorHandler(reporter));
        commandLine.setExecutionExceptionHandler(new ExecutionErrorHandler(root));
        HelpLayout.apply(commandLine);
        return commandLine;
    }

    /**
     * {@code fluxboot --version}: read only when printed (see {@link BuildInfo}). A class, not a
     * lambda: a lambda of a picocli interface (Java 5 class files) keeps it out of the launcher's
     * class-data archive.
     */
    private static final class VersionText implements CommandLine.IVersionProvider {
        private final BuildInfo build;

        VersionText(BuildInfo build) {
            this.build = build;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"fluxboot version " + build.toolVersion()};
        }
    }

    /**
     * stdout, UTF-8, where {@code print(String)} writes the text's bytes in one call. The plain
     * PrintStream encodes a String through a CharBuffer view one character at a time: for the
     * hundreds of KiB that {@code install --export} prints, milliseconds at start-up. Same bytes.
     */
    private static final class Utf8PrintStream extends PrintStream {

        Utf8PrintStream(OutputStream out) {
            super(out, false, StandardCharsets.UTF_8);
        }

        @Override
        public void print(String text) {
            byte[] bytes = String.valueOf(text).getBytes(StandardCharsets.UTF_8);
            write(bytes, 0, bytes.length);
        }
    }
}
