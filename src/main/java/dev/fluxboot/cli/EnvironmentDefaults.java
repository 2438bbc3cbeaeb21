package dev.fluxboot.cli;

import dev.fluxboot.ui.Reporter;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;
import java.util.Optional;

/**
 * Defaults that come from environment variables, as in the Flux CLI:
 * {@code FLUX_SYSTEM_NAMESPACE} for {@code --namespace}. A flag on the command line wins.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

    static final String NAMESPACE_VARIABLE = "FLUX_SYSTEM_NAMESPACE";

    private final Optional<String> namespace;

    private EnvironmentDefaults(Optional<String> namespace) {
        this.namespace = namespace;
    }

    /** Reads the variables once; an invalid namespace is ignored with a warning, as Flux does. */
    public static EnvironmentDefaults from(Map<String, String> env, Reporter reporter) {
        String fromEnv = env.getOrDefault(NAMESPACE_VARIABLE, "");
        if (fromEnv.isEmpty()) {
            return new EnvironmentDefaults(Optional.empty());
        }
        if (!DnsLabel.isValid(fromEnv)) {
            reporter.warning("ignoring invalid " + NAMESPACE_VARIABLE + ": \"" + fromEnv + "\"");
            return new EnvironmentDefaults(Optional.empty());
        }
        return new EnvironmentDefaults(Optional.of(fromEnv));
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option && option.longestName().equals("--namespace")) {
            return namespace.orElse(null);
        }
        return null;
    }
}
