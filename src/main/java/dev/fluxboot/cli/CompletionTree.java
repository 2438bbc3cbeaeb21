package dev.fluxboot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command tree as the fish and PowerShell completion scripts need it, read from picocli's model:
 * each visible command by its path ({@code ""} for the root, {@code "export source"}), its subcommands,
 * its flags and the words its first argument takes. A flag that several commands share (the global
 * flags, {@code export}'s persistent ones) is one {@link Flag} with every path it works on, so that a
 * script states it once.
 */
final class CompletionTree {

    /** A subcommand as its parent offers it. */
    record Subcommand(String name, List<String> aliases, String description) {
    }

    /** A flag: its names, the words its value takes (none: any), whether the value is a file. */
    record Flag(List<String> names, String description, boolean takesValue, List<String> values, boolean file) {
    }

    /** A visible command. */
    record Node(String path, List<Subcommand> subcommands, List<String> argumentValues) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Map<Flag, List<String>> flagPaths = new LinkedHashMap<>();
    private final Map<String, String> steps = new LinkedHashMap<>();

    private CompletionTree() {
    }

    static CompletionTree of(CommandLine root) {
        CompletionTree tree = new CompletionTree();
        tree.add("", root.getCommandSpec());
        return tree;
    }

    private void add(String path, CommandSpec command) {
        List<Subcommand> subcommands = new ArrayList<>();
        List<CommandSpec> children = new ArrayList<>();
        for (CommandLine child : command.subcommands().values()) {
            CommandSpec spec = child.getCommandSpec();
            if (spec.usageMessage().hidden() || children.contains(spec)) {
                continue; // the map holds each subcommand under its name and under each alias
            }
            children.add(spec);
            String name = spec.name();
            subcommands.add(new Subcommand(name, List.of(spec.aliases()), firstLine(spec.usageMessage().description())));
            String childPath = path.isEmpty() ? name : path + " " + name;
            steps.put(path + "/" + name, childPath);
            for (String alias : spec.aliases()) {
                steps.put(path + "/" + alias, childPath);
            }
        }
        List<String> argumentValues = new ArrayList<>();
        for (PositionalParamSpec positional : command.positionalParameters()) {
            if (positional.index().min() == 0 && !positional.hidden() && positional.completionCandidates() != null) {
                positional.completionCandidates().forEach(argumentValues::add);
            }
        }
        nodes.add(new Node(path, List.copyOf(subcommands), List.copyOf(argumentValues)));
        for (OptionSpec option : command.options()) {
            if (!option.hidden()) {
                flagPaths.computeIfAbsent(flag(option), f -> new ArrayList<>()).add(path);
            }
        }
        for (CommandSpec child : children) {
            add(path.isEmpty() ? child.name() : path + " " + child.name(), child);
        }
    }

    private static Flag flag(OptionSpec option) {
        boolean takesValue = option.arity().min() > 0;
        List<String> values = new ArrayList<>();
        if (takesValue && option.completionCandidates() != null) {
            option.completionCandidates().forEach(values::add);
        }
        boolean file = option.type() == Path.class || option.type() == File.class;
        return new Flag(List.of(option.names()), firstLine(option.description()), takesValue, List.copyOf(values), file);
    }

    /** The first line of a description, without picocli's {@code (default: ...)} note. */
    private static String firstLine(String[] description) {
        if (description.length == 0) {
            return "";
        }
        String line = description[0];
        int defaultNote = line.indexOf(" (default: ");
        return (defaultNote > 0 ? line.substring(0, defaultNote) : line).strip();
    }

    /** Every visible command, parents before their children. */
    List<Node> nodes() {
        return nodes;
    }

    /** Each distinct flag and the paths of the commands that take it. */
    Map<Flag, List<String>> flags() {
        return flagPaths;
    }

    /**
     * {@code "<path>/<word>"} to the path that word leads to: a subcommand's name or alias
     * ({@code "export/ks"} to {@code "export kustomization"}).
     */
    Map<String, String> steps() {
        return steps;
    }

    /** The names of the flags that take the next word as their value (a script skips that word). */
    List<String> valueFlagNames() {
        List<String> names = new ArrayList<>();
        for (Flag flag : flagPaths.keySet()) {
            if (flag.takesValue()) {
                for (String name : flag.names()) {
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
