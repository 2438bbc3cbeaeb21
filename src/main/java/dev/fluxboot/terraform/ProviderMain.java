package dev.fluxboot.terraform;

import dev.fluxboot.api.BuildInfo;
import dev.fluxboot.terraform.plugin.Handshake;
import dev.fluxboot.terraform.plugin.PluginServer;
import dev.fluxboot.terraform.plugin.ServerCertificate;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Terraform provider's process, as the launcher that {@code fluxboot terraform
 * install-provider} writes starts it: checks that Terraform started it, serves the plugin
 * protocol on loopback, prints go-plugin's handshake line, and exits when Terraform's
 * controller asks. A separate entry point from {@link dev.fluxboot.Main}, so that neither loads
 * the other's classes (gRPC here, picocli there).
 */
public final class ProviderMain {

    private ProviderMain() {
    }

    /**
     * Not for Terraform: start as for Terraform (TLS with a made-up client certificate), print the
     * handshake nowhere, exit. {@link ProviderInstaller} runs it once to record the classes a start
     * loads into a class-data archive, which makes every later start faster.
     */
    static final String TRAIN = "--train-class-archive";

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(TRAIN)) {
            train();
            return;
        }
        Map<String, String> env = System.getenv();
        // The handshake line is the only thing on stdout; anything a library prints goes to stderr.
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(stderr);
        if (!Handshake.startedByTerraform(env)) {
            stderr.println("✗ this is fluxboot's Terraform provider, which Terraform starts: install it with "
                    + "'fluxboot terraform install-provider' and require fluxboot/fluxboot in your configuration");
            System.exit(1);
        }
        ignoreInterrupts();
        int exitCode = serve(env, stdout, stderr);
        System.exit(exitCode);
    }

    private static int serve(Map<String, String> env, PrintStream stdout, PrintStream stderr) {
        Optional<X509Certificate> client;
        try {
            client = Handshake.clientCertificate(env);
        } catch (IllegalArgumentException e) {
            stderr.println("✗ " + e.getMessage());
            return 1;
        }
        FluxbootProvider provider = new FluxbootProvider(BuildInfo.ofThisBuild().defaultFluxVersion(), env,
                Backends.select(System.getProperties()), new StopSignal(), stderr);
        Optional<PluginServer.Tls> tls = client.map(certificate ->
                new PluginServer.Tls(ServerCertificate.generate(Clock.systemUTC()), certificate));
        AtomicReference<PluginServer> started = new AtomicReference<>();
        PluginServer server = PluginServer.start(provider, tls, () -> {
            started.get().stop();
            System.exit(0);
        });
        started.set(server);
        stdout.println(Handshake.line(server.port(), tls.map(identity -> identity.server().certificate())));
        stdout.flush();
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void train() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        FluxbootProvider provider = new FluxbootProvider(BuildInfo.ofThisBuild().defaultFluxVersion(), Map.of(), Backends.production(),
                new StopSignal(), nowhere);
        ServerCertificate server = ServerCertificate.generate(Clock.systemUTC());
        X509Certificate client = ServerCertificate.generate(Clock.systemUTC()).certificate();
        PluginServer started = PluginServer.start(provider, Optional.of(new PluginServer.Tls(server, client)), () -> { });
        nowhere.println(Handshake.line(started.port(), Optional.of(server.certificate())));
        started.stop();
        // The archive is written as the JVM exits.
        System.exit(0);
    }

    /**
     * Ctrl-C in a terminal signals Terraform and its providers alike; Terraform then asks the
     * provider to stop (StopProvider) and waits for it, so the provider itself must not die of
     * the signal. The launcher ignores SIGINT too, before the JVM starts.
     */
    @SuppressWarnings("removal")
    private static void ignoreInterrupts() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            // No SIGINT on this platform: nothing to ignore.
        }
    }
}
