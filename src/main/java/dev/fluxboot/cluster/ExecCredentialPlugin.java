package dev.fluxboot.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.GoDuration;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a kubeconfig {@code exec} credential plugin the way kubectl does (client-go's
 * {@code client.authentication.k8s.io} protocol), within a time limit. fabric8 runs plugins
 * itself without one, and on any failure goes on as {@code system:anonymous}: a hanging plugin
 * hangs the run, a failing one turns into a permission error. Here a plugin that hangs is
 * stopped, and one that fails is reported with its own words (the first line of its stderr),
 * never with what it printed on stdout (that is where credentials go).
 */
final class ExecCredentialPlugin {

    /** More than any credential; a plugin printing more is not printing one. */
    private static final int MAX_OUTPUT_BYTES = 1024 * 1024;
    private static final int MAX_REASON_LENGTH = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the plugin answered (status of its ExecCredential).
     *
     * @param token                 bearer token
     * @param clientCertificateData PEM client certificate (with {@code clientKeyData})
     * @param clientKeyData         PEM private key
     */
    record Credentials(Optional<String> token, Optional<String> clientCertificateData, Optional<String> clientKeyData) {
    }

    private final ExecConfig exec;
    private final String user;
    private final File kubeconfig;
    private final Map<String, String> env;

    /**
     * @param user       the kubeconfig user the plugin is for, for messages; null for a plugin given as values
     * @param kubeconfig the file that defines the user: a relative command with a {@code /} is relative to its
     *                   folder; null: to the working directory
     * @param env        the environment of the run (its PATH finds the command; passed on to the plugin)
     */
    ExecCredentialPlugin(ExecConfig exec, String user, File kubeconfig, Map<String, String> env) {
        this.exec = exec;
        this.user = user;
        this.kubeconfig = kubeconfig;
        this.env = env;
    }

    /** Runs the plugin; waits at most {@code timeout} for it. */
    Credentials run(Duration timeout) {
        String command = exec.getCommand() == null ? "" : exec.getCommand().strip();
        if (command.isEmpty()) {
            throw failure("has no command");
        }
        Path executable = locate(command).orElseThrow(() -> failure("\"" + command + "\" was not found"
                + (exec.getInstallHint() == null || exec.getInstallHint().isBlank() ? " (check its command and PATH)"
                        : " (" + firstLine(exec.getInstallHint()) + ")")));
        List<String> commandLine = new ArrayList<>();
        commandLine.add(executable.toString());
        if (exec.getArgs() != null) {
            commandLine.addAll(exec.getArgs());
        }
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> environment = builder.environment();
        environment.putAll(env);
        if (exec.getEnv() != null) {
            for (ExecEnvVar variable : exec.getEnv()) {
                if (variable.getName() != null) {
                    environment.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
                }
            }
        }
        String apiVersion = exec.getApiVersion() == null ? "client.authentication.k8s.io/v1" : exec.getApiVersion();
        environment.put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"" + apiVersion
                + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw failure("\"" + command + "\" could not be started (" + firstLine(e.getMessage()) + ")");
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> stdout = readAll(process.getInputStream());
            CompletableFuture<byte[]> stderr = readAll(process.getErrorStream());
            if (!process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw failure("\"" + command + "\" did not finish within --timeout=" + GoDuration.format(timeout)
                        + "; run it yourself to see what it waits for (a login, a network)");
            }
            byte[] out = stdout.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            String err = new String(stderr.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw failure("\"" + command + "\" failed with exit code " + process.exitValue()
                        + (err.isBlank() ? "" : ": " + firstLine(err)));
            }
            return parse(out, apiVersion, command);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw failure("\"" + command + "\" was interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            stop(process);
            throw failure("\"" + command + "\" could not be read");
        } catch (IOException e) {
            stop(process);
            throw new UncheckedIOException(e);
        }
    }

    private Credentials parse(byte[] out, String apiVersion, String command) {
        JsonNode credential;
        try {
            credential = out.length > MAX_OUTPUT_BYTES ? null : JSON.readTree(out);
        } catch (IOException e) {
            credential = null;
        }
        String expected = "; run it yourself to see what it prints (it must print an ExecCredential of " + apiVersion
                + " as JSON)";
        if (credential == null || !credential.isObject() || !"ExecCredential".equals(credential.path("kind").asText())) {
            throw failure("\"" + command + "\" printed no ExecCredential" + expected);
        }
        String answered = credential.path("apiVersion").asText("");
        if (!answered.equals(apiVersion)) {
            throw failure("\"" + command + "\" answered with apiVersion \"" + answered + "\" instead of \"" + apiVersion
                    + "\"; set the apiVersion of its exec section to what the plugin speaks");
        }
        JsonNode status = credential.path("status");
        Optional<String> token = text(status, "token");
        Optional<String> certificate = text(status, "clientCertificateData");
        Optional<String> key = text(status, "clientKeyData");
        if (token.isEmpty() && (certificate.isEmpty() || key.isEmpty())) {
            throw failure("\"" + command + "\" printed an ExecCredential without status.token or a client certificate"
                    + " and key" + expected);
        }
        return new Credentials(token, certificate, key);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** client-go: a command with a path separator is relative to the kubeconfig's folder; a bare name is looked up in PATH. */
    private Optional<Path> locate(String command) {
        if (command.contains("/") || command.contains(File.separator)) {
            Path path = Path.of(command);
            if (!path.isAbsolute() && kubeconfig != null && kubeconfig.getAbsoluteFile().getParentFile() != null) {
                path = kubeconfig.getAbsoluteFile().getParentFile().toPath().resolve(path);
            }
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = env.getOrDefault("PATH", System.getenv().getOrDefault("PATH", ""));
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static CompletableFuture<byte[]> readAll(InputStream stream) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (stream) {
                for (int n; (n = stream.read(buffer)) >= 0; ) {
                    if (bytes.size() <= MAX_OUTPUT_BYTES) {
                        bytes.write(buffer, 0, n);
                    }
                }
                result.complete(bytes.toByteArray());
            } catch (IOException e) {
                result.complete(bytes.toByteArray());
            }
        }, "fluxboot-exec-plugin-output");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    /** The plugin and whatever it started: a plugin script's own children would keep its pipes open. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private FluxbootException failure(String what) {
        if (user == null) {
            return new FluxbootException("the exec credential plugin " + what + "; check its exec settings");
        }
        return new FluxbootException("the credential plugin of kubeconfig user \"" + user + "\" " + what
                + "; check --kubeconfig/--context");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return line.length() > MAX_REASON_LENGTH ? line.substring(0, MAX_REASON_LENGTH) + "..." : line;
    }
}
