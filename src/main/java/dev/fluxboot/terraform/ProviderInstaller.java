package dev.fluxboot.terraform;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Installs the provider where Terraform finds it without a registry: a launcher script in a
 * plugin folder of the "unpacked" layout,
 * {@code DIR/registry.terraform.io/fluxboot/fluxboot/VERSION/OS_ARCH/terraform-provider-fluxboot_vVERSION},
 * where DIR is by default {@code ~/.terraform.d/plugins}, one of Terraform's implied local
 * mirrors. The launcher {@code exec}s java with fluxboot's jar (where it was at install time)
 * and {@link ProviderMain}.
 */
public final class ProviderInstaller {

    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    /** As the fluxboot launcher: C1 only, no perf data file, JVM messages only for errors and only on stderr. */
    private static final String JVM_FLAGS = "-XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xlog:disable -Xlog:all=error:stderr";

    private ProviderInstaller() {
    }

    /**
     * Where one installation goes, and what it runs.
     *
     * @param classArchive where the class-data archive of the provider's start goes (outside the
     *                     plugin folder: Terraform's lock file checksums that folder), if anywhere
     */
    public record Installation(Path pluginsDir, String version, String platform, Path jar, Path java,
                               Optional<Path> classArchive) {

        /** The launcher Terraform runs. */
        public Path launcher() {
            return pluginsDir.resolve("registry.terraform.io").resolve(ProviderSchemas.PROVIDER_NAME)
                    .resolve(ProviderSchemas.PROVIDER_NAME).resolve(version).resolve(platform)
                    .resolve("terraform-provider-" + ProviderSchemas.PROVIDER_NAME + "_v" + version);
        }
    }

    /**
     * The provider version of a fluxboot version: Terraform takes plain semantic versions, so a
     * development build's {@code 0.1.0-SNAPSHOT} installs as {@code 0.1.0}.
     */
    public static String providerVersion(String toolVersion) {
        String version = toolVersion.endsWith("-SNAPSHOT")
                ? toolVersion.substring(0, toolVersion.length() - "-SNAPSHOT".length()) : toolVersion;
        if (!SEMVER.matcher(version).matches()) {
            throw new FluxbootException("fluxboot's version '" + toolVersion + "' is not a semantic version that "
                    + "Terraform accepts as a provider version");
        }
        return version;
    }

    /**
     * Terraform's name of this platform, e.g. {@code linux_amd64}, from Java's {@code os.name}
     * and {@code os.arch}. Windows is refused: Terraform runs only {@code .exe} providers there.
     */
    public static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String goos;
        if (os.startsWith("linux")) {
            goos = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            goos = "darwin";
        } else if (os.contains("freebsd")) {
            goos = "freebsd";
        } else if (os.startsWith("windows")) {
            throw new FluxbootException("the fluxboot Terraform provider cannot be installed on Windows yet "
                    + "(Terraform runs only .exe providers there): use it from Linux or macOS, e.g. in WSL");
        } else {
            throw new FluxbootException("no Terraform platform name for the operating system '" + osName + "'");
        }
        String goarch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            case "arm" -> "arm";
            default -> throw new FluxbootException("no Terraform platform name for the processor '" + osArch + "'");
        };
        return goos + "_" + goarch;
    }

    /**
     * Writes the launcher (replacing one of the same version) and answers its path. Fails
     * before writing anything when the jar or java is missing.
     */
    public static Path install(Installation installation) {
        if (!Files.isRegularFile(installation.jar())) {
            throw new UsageException("fluxboot's jar is not at " + installation.jar()
                    + ": build it with 'mvn -DskipTests package' or set FLUXBOOT_JAR to it");
        }
        if (!Files.isExecutable(installation.java())) {
            throw new FluxbootException("java is not at " + installation.java() + ": set JAVA_HOME to a Java 17 or newer");
        }
        Path launcher = installation.launcher();
        try {
            Files.createDirectories(launcher.getParent());
            Path partial = Files.createTempFile(launcher.getParent(), ".terraform-provider-fluxboot", ".partial");
            try {
                Files.writeString(partial, script(installation), StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    partial.toFile().setExecutable(true, false);
                }
                try {
                    Files.move(partial, launcher, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, launcher, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new FluxbootException("cannot write the provider to " + launcher + ": " + e.getMessage(), e);
        }
        return launcher;
    }

    /**
     * Records the classes of one provider start (a training run of {@link ProviderMain}) into
     * the installation's class-data archive, which the launcher then maps: a start loads them
     * without parsing or verifying. Answers whether the archive was written; a failure only
     * means slower starts (the launcher runs without an archive).
     */
    public static boolean writeClassArchive(Installation installation, Duration timeout) {
        if (installation.classArchive().isEmpty()) {
            return false;
        }
        Path archive = installation.classArchive().get();
        try {
            Files.createDirectories(archive.getParent());
            Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            List<String> command = new ArrayList<>();
            command.add(installation.java().toString());
            command.addAll(List.of(JVM_FLAGS.split(" ")));
            command.add("-XX:ArchiveClassesAtExit=" + partial);
            command.addAll(List.of("-cp", installation.jar().toString(), ProviderMain.class.getName(), ProviderMain.TRAIN));
            Process training = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean finished = training.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                training.destroyForcibly();
            }
            if (!finished || training.exitValue() != 0 || !Files.isRegularFile(partial)) {
                Files.deleteIfExists(partial);
                return false;
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The launcher: a POSIX shell script that becomes the JVM ({@code exec}), with SIGINT ignored. */
    static String script(Installation installation) {
        return "#!/bin/sh\n"
                + "# fluxboot's Terraform provider " + installation.version() + " (plugin protocol 6), written by\n"
                + "# 'fluxboot terraform install-provider'. Terraform starts it; run that command again after\n"
                + "# moving fluxboot's jar or java. FLUXBOOT_JAVA_OPTS: extra JVM flags.\n"
                + "jar=" + quote(installation.jar().toAbsolutePath().toString()) + "\n"
                + "java=" + quote(installation.java().toAbsolutePath().toString()) + "\n"
                + "[ -x \"$java\" ] || java=\"${JAVA_HOME:+$JAVA_HOME/bin/}java\"\n"
                + "if [ ! -f \"$jar\" ]; then\n"
                + "  echo \"✗ fluxboot's jar is gone from $jar: run 'fluxboot terraform install-provider' again\" >&2\n"
                + "  exit 1\n"
                + "fi\n"
                + archiveLines(installation)
                + "# Ctrl-C reaches every process of the terminal; Terraform then asks the provider to stop.\n"
                + "trap '' INT\n"
                + "# shellcheck disable=SC2086 # the flags are split into words on purpose\n"
                + "exec \"$java\" " + JVM_FLAGS + " $cds $FLUXBOOT_JAVA_OPTS -cp \"$jar\" " + ProviderMain.class.getName() + " \"$@\"\n";
    }

    /**
     * The class-data archive, when there is one: an archive from another jar or java is
     * refused by the JVM, which then starts without it.
     */
    private static String archiveLines(Installation installation) {
        if (installation.classArchive().isEmpty()) {
            return "cds=\n";
        }
        return "archive=" + quote(installation.classArchive().get().toAbsolutePath().toString()) + "\n"
                + "cds=\n"
                + "[ -f \"$archive\" ] && cds=\"-XX:SharedArchiveFile=$archive\"\n";
    }

    /** {@code text} in single quotes for a POSIX shell. */
    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
