package dev.fluxboot.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RootCommandTest {

    @Test
    void helpListsCommandsAndGlobalFlagsOnStdout() {
        // When
        CliRun run = CliRun.run("--help");

        // Then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: fluxboot", "install", "version", "completion",
                "--kubeconfig", "--context", "--namespace", "--timeout", "--verbose");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void noCommandPrintsHelp() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: fluxboot");
    }

    @Test
    void subcommandHelpShowsInheritedGlobalFlags() {
        CliRun run = CliRun.run("install", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: fluxboot install", "--export", "--components-extra", "--namespace",
                "--timeout");
    }

    @Test
    void versionFlagPrintsTheToolVersion() {
        CliRun run = CliRun.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("fluxboot version \\d+\\.\\d+\\.\\d+\\S*\\R");
    }

    @Test
    void versionCommandPrintsClientAndDefaultFluxVersions() {
        CliRun run = CliRun.run("version", "--client");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("fluxboot: \\d+\\.\\d+\\.\\d+\\S*\\nflux: v\\d+\\.\\d+\\.\\d+\\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionCommandPrintsJson() {
        CliRun run = CliRun.run("version", "--client", "-o", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\n  \"fluxboot\": \"").contains("\"flux\": \"v").endsWith("}\n");
    }

    @Test
    void versionCommandRejectsAnUnknownFormat() {
        CliRun run = CliRun.run("version", "-o", "xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("✗ --output must be json or yaml, not xml");
    }

    @Test
    void completionPrintsABashScriptForBashAndZsh() {
        CliRun bash = CliRun.run("completion", "bash");
        CliRun zsh = CliRun.run("completion", "zsh");

        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).contains("complete -F", "fluxboot", "install", "--components-extra");
        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).contains("bashcompinit").isEqualTo(bash.out());
    }

    @Test
    void completionRejectsAnUnknownShell() {
        CliRun run = CliRun.run("completion", "tcsh");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .contains("tcsh").endsWith("Run 'fluxboot completion --help' for usage.");
    }

    @Test
    void badTimeoutIsOneLineNamingTheFlag() {
        // When
        CliRun run = CliRun.run("install", "--export", "--timeout", "5 minutes");

        // Then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("✗ ").contains("--timeout", "5 minutes")
                .endsWith("Run 'fluxboot install --help' for usage.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void zeroTimeoutIsRefused() {
        CliRun run = CliRun.run("--timeout=0s", "version");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--timeout", "longer than zero");
    }

    @Test
    void unknownFlagIsOneLineNamingIt() {
        CliRun run = CliRun.run("install", "--no-such-flag");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "✗ Unknown option: '--no-such-flag'. Run 'fluxboot install --help' for usage.");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.run("instal");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("instal")
                .endsWith("Run 'fluxboot --help' for usage.");
    }

    @Test
    void namespaceThatIsNotADnsLabelIsAUsageError() {
        CliRun run = CliRun.run("version", "--namespace", "Flux_System");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("✗ --namespace \"Flux_System\"");
    }

    @Test
    void invalidNamespaceFromTheEnvironmentIsIgnoredWithAWarning() {
        CliRun run = CliRun.run(Map.of("FLUX_SYSTEM_NAMESPACE", "Not A Label"), "version", "--client");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("ignoring invalid FLUX_SYSTEM_NAMESPACE: \"Not A Label\"");
    }

    @Test
    void booleanGlobalFlagBeforeTheCommandDoesNotSwallowIt() {
        CliRun run = CliRun.run("--verbose", "version", "--client=true");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("fluxboot: ");
    }

    @Test
    void noColorLeavesEscapeCodesOut() {
        CliRun run = CliRun.run(Map.of("NO_COLOR", "1"), "install", "--bogus");

        assertThat(run.err()).doesNotContain("\u001b[");
    }
}
