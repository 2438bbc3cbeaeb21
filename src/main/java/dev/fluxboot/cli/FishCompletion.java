package dev.fluxboot.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fluxboot completion fish}: a fish script made from the command tree. fish's own
 * {@code complete} entries do the work; each is conditioned on the command path the words typed so far
 * lead to, which one function works out from the tree's steps (skipping the value of a flag that takes
 * one, so {@code -n export export} still means the {@code export} command).
 */
final class FishCompletion {

    private FishCompletion() {
    }

    static String script(String program, CompletionTree tree) {
        String fn = "__" + program.replace('-', '_');
        StringBuilder out = new StringBuilder();
        out.append("# fish completion for ").append(program).append(", made by '").append(program)
                .append(" completion fish'\n");
        out.append("# load it: ").append(program).append(" completion fish | source\n\n");

        out.append("function ").append(fn).append("_step --description 'the command path one more word leads to'\n");
        out.append("    switch \"$argv[1]/$argv[2]\"\n");
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        tree.steps().forEach((step, target) -> byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(step));
        byTarget.forEach((target, steps) -> {
            out.append("        case");
            steps.forEach(step -> out.append(' ').append(quote(step)));
            out.append("\n            echo ").append(quote(target)).append('\n');
        });
        out.append("    end\nend\n\n");

        out.append("function ").append(fn).append("_path --description 'the command path of the words before the cursor'\n");
        out.append("    set -l words (commandline -opc)\n");
        out.append("    set -l line (string join ' ' -- $words)\n");
        out.append("    if test \"$line\" = \"$").append(fn).append("_cached_line\"\n");
        out.append("        echo $").append(fn).append("_cached_path\n");
        out.append("        return\n");
        out.append("    end\n");
        out.append("    set -e words[1]\n");
        out.append("    set -l value_flags");
        tree.valueFlagNames().forEach(name -> out.append(' ').append(quote(name)));
        out.append('\n');
        out.append("    set -l path ''\n");
        out.append("    set -l skip 0\n");
        out.append("    for word in $words\n");
        out.append("        if test $skip = 1\n");
        out.append("            set skip 0\n");
        out.append("        else if contains -- $word $value_flags\n");
        out.append("            set skip 1\n");
        out.append("        else\n");
        out.append("            set -l next (").append(fn).append("_step \"$path\" \"$word\")\n");
        out.append("            if test -n \"$next\"\n");
        out.append("                set path $next\n");
        out.append("            end\n");
        out.append("        end\n");
        out.append("    end\n");
        out.append("    set -g ").append(fn).append("_cached_line $line\n");
        out.append("    set -g ").append(fn).append("_cached_path $path\n");
        out.append("    echo $path\n");
        out.append("end\n\n");

        out.append("function ").append(fn).append("_at --description 'whether the command path is one of the arguments'\n");
        out.append("    contains -- (").append(fn).append("_path) $argv\n");
        out.append("end\n\n");

        out.append("complete -c ").append(program).append(" -f\n\n");
        out.append("# commands\n");
        for (CompletionTree.Node node : tree.nodes()) {
            String condition = " -n " + quote(fn + "_at " + quote(node.path()));
            for (CompletionTree.Subcommand subcommand : node.subcommands()) {
                List<String> names = new ArrayList<>(List.of(subcommand.name()));
                names.addAll(subcommand.aliases());
                for (String name : names) {
                    out.append("complete -c ").append(program).append(condition).append(" -a ").append(quote(name))
                            .append(" -d ").append(quote(subcommand.description())).append('\n');
                }
            }
            if (!node.argumentValues().isEmpty()) {
                out.append("complete -c ").append(program).append(condition).append(" -a ")
                        .append(quote(String.join(" ", node.argumentValues()))).append('\n');
            }
        }

        out.append("\n# flags\n");
        tree.flags().forEach((flag, paths) -> {
            StringBuilder condition = new StringBuilder(fn + "_at");
            paths.forEach(path -> condition.append(' ').append(quote(path)));
            out.append("complete -c ").append(program).append(" -n ").append(quote(condition.toString()));
            for (String name : flag.names()) {
                if (name.startsWith("--")) {
                    out.append(" -l ").append(name.substring(2));
                } else {
                    out.append(" -s ").append(name.substring(1));
                }
            }
            if (!flag.values().isEmpty()) {
                out.append(" -x -a ").append(quote(String.join(" ", flag.values())));
            } else if (flag.file()) {
                out.append(" -r -F");
            } else if (flag.takesValue()) {
                out.append(" -x");
            }
            out.append(" -d ").append(quote(flag.description())).append('\n');
        });
        return out.toString();
    }

    /** A fish single-quoted word: inside, only {@code \\} and {@code \'} are escapes. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
