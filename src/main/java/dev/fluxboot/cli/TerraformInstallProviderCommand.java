package dev.fluxboot.cli;

import dev.fluxboot.ExitCode;
import dev.fluxboot.FluxbootException;
import dev.fluxboot.terraform.ProviderInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code fluxboot terraform install-provider [--dir DIR]}: installs the provider launcher into
 * Terraform's implied local mirror (or DIR), so that {@code source = "fluxboot/fluxboot"} works
 * with {@code terraform init} and no network. Prints the launcher's path on stdout.
 */
@Command(name = "install-provider",
        description = {"Install fluxboot's Terraform provider where Terraform finds it without a registry.",
                "",
                "Writes DIR/registry.terraform.io/fluxboot/fluxboot/VERSION/OS_ARCH/terraform-provider-fluxboot_vVERSION,",
                "a launcher that runs this fluxboot jar with this java. Then 'source = \"fluxboot/fluxboot\"' in",
                "required_providers works with 'terraform init'."})
public final class TerraformInstallProviderCommand extends BaseCommand {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "the plugin folder (default: ~/.terraform.d/plugins, one of Terraform's implied local mirrors)")
    private Path dir;

    @Override
    protected int execute(GlobalOptions globals, CliEnvironment environment) {
        Path pluginsDir = dir != null ? dir : home(environment).resolve(".terraform.d").resolve("plugins");
        String version = ProviderInstaller.providerVersion(environment.build().toolVersion());
        String platform = ProviderInstaller.platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        ProviderInstaller.Installation installation = new ProviderInstaller.Installation(
                pluginsDir.toAbsolutePath().normalize(), version, platform, jar(environment),
                Path.of(System.getProperty("java.home"), "bin", "java"),
                Optional.of(cacheRoot(environment).resolve("fluxboot").resolve("terraform")
                        .resolve("provider-" + version + "-" + platform + ".jsa")));
        Path launcher = ProviderInstaller.install(installation);
        if (!ProviderInstaller.writeClassArchive(installation, Duration.ofMinutes(5))) {
            environment.reporter().warning("no class-data archive for the provider (its training run failed): "
                    + "it works, but starts slower");
        }
        environment.reporter().success("installed the fluxboot Terraform provider " + installation.version() + ": " + launcher);
        environment.reporter().result(launcher + "\n");
        return ExitCode.OK;
    }

    /** XDG_CACHE_HOME, else ~/.cache: where the provider's class-data archive goes. */
    private static Path cacheRoot(CliEnvironment environment) {
        String cache = environment.env().getOrDefault("XDG_CACHE_HOME", "");
        return cache.startsWith("/") ? Path.of(cache) : home(environment).resolve(".cache");
    }

    private static Path home(CliEnvironment environment) {
        String home = environment.env().getOrDefault("HOME", "");
        return Path.of(home.isEmpty() ? System.getProperty("user.home") : home);
    }

    /** FLUXBOOT_JAR, else the jar this class was loaded from. */
    private static Path jar(CliEnvironment environment) {
        String fromEnv = environment.env().getOrDefault("FLUXBOOT_JAR", "");
        if (!fromEnv.isEmpty()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        CodeSource source = TerraformInstallProviderCommand.class.getProtectionDomain().getCodeSource();
        try {
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            if (location != null && Files.isRegularFile(location)) {
                return location.toAbsolutePath().normalize();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // Not a file: handled below.
        }
        throw new FluxbootException("cannot tell where fluxboot's jar is (not run from one): set FLUXBOOT_JAR to it");
    }
}
