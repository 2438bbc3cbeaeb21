package dev.fluxboot.api;

import dev.fluxboot.git.EcdsaCurve;
import dev.fluxboot.git.SshKeyGenerator;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.KubeApiServerSupport;
import dev.fluxboot.testing.TestBundles;
import dev.fluxboot.testing.flux.FluxControllerSimulator;
import dev.fluxboot.testing.git.GitRepositories;
import dev.fluxboot.testing.git.SshGitServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The program of docs/library.md, compiled from the document and run against real servers. */
class LibraryExampleTest {

    @RegisterExtension
    static final KubeApiServerSupport kube = new KubeApiServerSupport();

    @Test
    void theDocumentedProgramCompilesAndBootstraps(@TempDir Path work) throws Exception {
        // Given the program as docs/library.md shows it
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("docs/library.md")));
        assertThat(block.find()).as("a java block in docs/library.md").isTrue();
        Path source = work.resolve("src/BootstrapFleet.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, block.group(1));

        // When it is compiled against the engine's classes
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(work.resolve("classes"));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = compiler.run(null, diagnostics, diagnostics, "--release", "17", "-cp",
                System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
        assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        // And run against a real SSH Git server, the real API server and simulated controllers
        Path bundle = TestBundles.shared("v2.9.4");
        SshKeyPair key = new SshKeyGenerator().ecdsa(EcdsaCurve.P256);
        Path keyFile = work.resolve("fleet-key");
        Files.writeString(keyFile, key.privateKeyPem());
        String printed;
        try (GitRepositories repositories = new GitRepositories();
             SshGitServer ssh = SshGitServer.start(repositories);
             FluxControllerSimulator ignored = new FluxControllerSimulator(kube.client(), "flux-system").start();
             URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                     getClass().getClassLoader())) {
            repositories.create("org/fleet");
            ssh.authorize(key.publicKey());
            Method main = loader.loadClass("BootstrapFleet").getMethod("main", String[].class);
            printed = runCapturingStdout(main, new String[] {ssh.url("org/fleet"), keyFile.toString(),
                    kube.kubeconfig().toString(), "clusters/prod", "v2.9.4", bundle.toString()});

            // Then Flux manages itself from the repository the program named
            String head = repositories.tip("org/fleet", "main").orElseThrow().name();
            assertThat(printed).contains("Flux v2.9.4 reconciled at main@sha1:" + head);
            assertThat(repositories.files("org/fleet", "main")).contains(
                    "clusters/prod/flux-system/gotk-components.yaml", "clusters/prod/flux-system/gotk-sync.yaml",
                    "clusters/prod/flux-system/kustomization.yaml");
        }
    }

    private static String runCapturingStdout(Method main, String[] args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
