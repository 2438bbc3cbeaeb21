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
        CliRun yaml = CliRun.run("version", "--client", "-o", "yaml");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("fluxboot \\d+\\.\\d+\\.\\d+\\S* \\(installs Flux v\\d+\\.\\d+\\.\\d+ by default\\)\\n");
        assertThat(run.err()).isEmpty();
        assertThat(yaml.exitCode()).isZero();
        assertThat(yaml.out()).matches("fluxboot: \\d+\\.\\d+\\.\\d+\\S*\\nflux: v\\d+\\.\\d+\\.\\d+\\n");
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
                "✗ unknown flag --no-such-flag. Run 'fluxboot install --help' for usage.");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.run("instal");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("instal")
                .endsWith("Run 'fluxboot --help' for usage.");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "instal|✗ unknown command \"instal\" for \"fluxboot\": did you mean \"install\"? Run 'fluxboot --help' for usage.",
            "bootstrap gti|✗ unknown command \"gti\" for \"fluxboot bootstrap\": did you mean \"git\"?"
                    + " Run 'fluxboot bootstrap --help' for usage.",
            "export kustomizaton|✗ unknown command \"kustomizaton\" for \"fluxboot export\": did you mean"
                    + " \"kustomization\"? Run 'fluxboot export --help' for usage.",
            "frobnicate|✗ unknown command \"frobnicate\" for \"fluxboot\" (commands: install, bootstrap, version,"
                    + " completion, check, uninstall, export, migrate, terraform). Run 'fluxboot --help' for usage.",
            "install --namespce=flux|✗ unknown flag --namespce: did you mean --namespace?"
                    + " Run 'fluxboot install --help' for usage.",
            "uninstall --dry-rn|✗ unknown flag --dry-rn: did you mean --dry-run? Run 'fluxboot uninstall --help' for usage.",
            "install -z|✗ unknown flag -z. Run 'fluxboot install --help' for usage."})
    void aMistypedCommandOrFlagGetsTheNearestOne(String args, String line) {
        CliRun run = CliRun.run(args.split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(line);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "bootstrap git --pasword hunter2-Secret9", "bootstrap git --pasword=hunter2-Secret9",
            "install --api-token hunter2-Secret9", "version hunter2-Secret9", "install --registry-creds user hunter2-Secret9"})
    void whatFollowsAnUnknownFlagIsNeverShown(String args) {
        CliRun run = CliRun.run(args.split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().doesNotContain("hunter2", "Secret9")
                .doesNotContain("Unmatched", "index");
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
        assertThat(run.out()).startsWith("fluxboot ");
    }

    @Test
    void noColorLeavesEscapeCodesOut() {
        CliRun run = CliRun.run(Map.of("NO_COLOR", "1"), "install", "--bogus");

        assertThat(run.err()).doesNotContain("\u001b[");
    }
}
