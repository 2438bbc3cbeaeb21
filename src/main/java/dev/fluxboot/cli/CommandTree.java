package dev.fluxboot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;

import java.lang.reflect.Field;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Adds fluxboot's subcommands to the root command line.
 *
 * <p>picocli builds a command's model by reflection over its annotated fields, parsing each
 * annotation into a proxy: in a fresh JVM that is most of a command's start-up. For one run,
 * only the subcommands its arguments name need that model; every other one gets a stand-in
 * that has what the root needs of it (name, aliases, header and description for the root's
 * help, names for "did you mean") and that picocli cannot run, since no argument names it.
 * All subcommands are built in full when the run may need the whole tree: no arguments known,
 * {@code completion} named (the script lists every command's flags), or an {@code @file} whose
 * content picocli expands into arguments.
 */
public final class CommandTree {

    private CommandTree() {
    }

    /**
     * Adds {@code types} (classes annotated with {@code @Command}) as subcommands of {@code root},
     * in that order: in full where {@code args} name them or {@code args} are not known.
     */
    public static void addSubcommands(CommandLine root, List<Class<?>> types, Optional<List<String>> args) {
        Set<String> tokens = new HashSet<>(args.orElse(List.of()));
        boolean everything = args.isEmpty() || namesAny(CompletionCommand.class, tokens);
        for (String token : tokens) {
            everything |= token.startsWith("@");
        }
        for (Class<?> type : types) {
            Command command = annotation(type);
            if (everything || namesAny(type, tokens)) {
                root.addSubcommand(command.name(), type);
                injectParent(root.getSubcommands().get(command.name()).getCommand(), root.getCommand());
            } else {
                root.addSubcommand(command.name(), standIn(command));
            }
        }
    }

    /**
     * What picocli does for subcommands listed in {@code @Command(subcommands = ...)} but not for
     * ones added by {@link CommandLine#addSubcommand}: {@code @ParentCommand} fields get the parent.
     */
    private static void injectParent(Object command, Object parent) {
        for (Class<?> type = command.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!field.isAnnotationPresent(ParentCommand.class)) {
                    continue;
                }
                if (!field.getType().isInstance(parent)) {
                    throw new IllegalStateException("@ParentCommand " + type.getName() + "." + field.getName()
                            + " cannot hold a " + parent.getClass().getName());
                }
                try {
                    field.setAccessible(true);
                    field.set(command, parent);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot set @ParentCommand " + type.getName() + "." + field.getName(), e);
                }
            }
        }
    }

    // Loops rather than streams and lambdas here and below: each lambda costs its linking at start-up.
    private static boolean namesAny(Class<?> type, Set<String> tokens) {
        for (String name : names(type)) {
            if (tokens.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The name and aliases of a command class. */
    static List<String> names(Class<?> type) {
        Command command = annotation(type);
        List<String> names = new ArrayList<>(List.of(command.name()));
        names.addAll(List.of(command.aliases()));
        return names;
    }

    /** What the root's help and error messages read of a subcommand, without its options. */
    private static CommandSpec standIn(Command command) {
        CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
        spec.usageMessage()
                .header(command.header())
                .description(command.description())
                .hidden(command.hidden());
        return spec;
    }

    private static Command annotation(Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        if (command == null) {
            throw new IllegalArgumentException(type.getName() + " is not a picocli @Command");
        }
        return command;
    }
}
