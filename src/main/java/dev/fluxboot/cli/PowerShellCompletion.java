package dev.fluxboot.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fluxboot completion powershell}: a native argument completer made from the command tree.
 * The tree is data in the script (steps from a command path and a word to the next path, each path's
 * subcommands, flags and values); one script block walks the words before the cursor to the command
 * path, skipping the value of a flag that takes one, and offers what that command takes: values after
 * a flag that has them (also as {@code --flag=value}), flags after {@code -}, else subcommands and the
 * values of its argument.
 */
final class PowerShellCompletion {

    private PowerShellCompletion() {
    }

    static String script(String program, CompletionTree tree) {
        StringBuilder out = new StringBuilder();
        out.append("# PowerShell completion for ").append(program).append(", made by '").append(program)
                .append(" completion powershell'\n");
        out.append("# load it: ").append(program).append(" completion powershell | Out-String | Invoke-Expression\n\n");
        out.append("Register-ArgumentCompleter -Native -CommandName ").append(quote(program)).append(" -ScriptBlock {\n");
        out.append("    param($wordToComplete, $commandAst, $cursorPosition)\n\n");

        out.append("    $steps = @{\n");
        tree.steps().forEach((step, target) ->
                out.append("        ").append(quote(step)).append(" = ").append(quote(target)).append('\n'));
        out.append("    }\n");

        out.append("    $subcommands = @{\n");
        for (CompletionTree.Node node : tree.nodes()) {
            List<String> entries = new ArrayList<>();
            for (CompletionTree.Subcommand subcommand : node.subcommands()) {
                List<String> names = new ArrayList<>(List.of(subcommand.name()));
                names.addAll(subcommand.aliases());
                for (String name : names) {
                    entries.add("@(" + quote(name) + ", " + quote(subcommand.description()) + ")");
                }
            }
            for (String value : node.argumentValues()) {
                entries.add("@(" + quote(value) + ", " + quote(value) + ")");
            }
            if (!entries.isEmpty()) {
                // one ",@(...)" a line: a lone @(@(a, b)) would flatten to @(a, b)
                out.append("        ").append(quote(node.path())).append(" = @(\n");
                entries.forEach(entry -> out.append("            ,").append(entry).append('\n'));
                out.append("        )\n");
            }
        }
        out.append("    }\n");

        // flags: each set of command paths once, then each flag with the index of its set
        List<List<String>> pathSets = new ArrayList<>();
        Map<CompletionTree.Flag, Integer> setOf = new LinkedHashMap<>();
        tree.flags().forEach((flag, paths) -> {
            int index = pathSets.indexOf(paths);
            if (index < 0) {
                pathSets.add(paths);
                index = pathSets.size() - 1;
            }
            setOf.put(flag, index);
        });
        out.append("    $pathSets = @(\n");
        for (List<String> paths : pathSets) {
            out.append("        ,@(").append(String.join(", ", paths.stream().map(PowerShellCompletion::quote).toList()))
                    .append(")\n");
        }
        out.append("    )\n");
        out.append("    $flags = @(\n");
        setOf.forEach((flag, index) -> {
            List<String> values = flag.values().stream().map(PowerShellCompletion::quote).toList();
            out.append("        ,@(").append(index).append(", @(")
                    .append(String.join(", ", flag.names().stream().map(PowerShellCompletion::quote).toList()))
                    .append("), ").append(quote(flag.description())).append(", ")
                    .append(flag.takesValue() ? "$true" : "$false").append(", @(").append(String.join(", ", values))
                    .append("))\n");
        });
        out.append("    )\n\n");

        out.append("""
                    $words = @()
                    foreach ($element in $commandAst.CommandElements) {
                        if ($element.Extent.EndOffset -lt $cursorPosition) { $words += $element.ToString() }
                    }
                    $path = ''
                    $pending = $null
                    for ($i = 1; $i -lt $words.Count; $i++) {
                        $word = $words[$i]
                        if ($null -ne $pending) { $pending = $null; continue }
                        $flag = $flags | Where-Object { $_[3] -and $_[1] -contains $word } | Select-Object -First 1
                        if ($null -ne $flag) { $pending = $flag; continue }
                        $next = $steps["$path/$word"]
                        if ($null -ne $next) { $path = $next }
                    }
                    $here = @($flags | Where-Object { $pathSets[$_[0]] -contains $path })

                    $results = @()
                    if ($null -ne $pending) {
                        foreach ($value in $pending[4]) {
                            if ($value -like "$wordToComplete*") { $results += ,@($value, $value, 'ParameterValue') }
                        }
                    } elseif ($wordToComplete -match '^(-[^=]+)=(.*)$') {
                        $name = $Matches[1]
                        $flag = $here | Where-Object { $_[1] -contains $name } | Select-Object -First 1
                        if ($null -ne $flag) {
                            foreach ($value in $flag[4]) {
                                if ("$name=$value" -like "$wordToComplete*") {
                                    $results += ,@("$name=$value", $value, 'ParameterValue')
                                }
                            }
                        }
                    } elseif ($wordToComplete.StartsWith('-')) {
                        foreach ($flag in $here) {
                            foreach ($name in $flag[1]) {
                                if ($name -like "$wordToComplete*") { $results += ,@($name, $flag[2], 'ParameterName') }
                            }
                        }
                    } else {
                        foreach ($entry in $subcommands[$path]) {
                            if ($entry[0] -like "$wordToComplete*") { $results += ,@($entry[0], $entry[1], 'ParameterValue') }
                        }
                    }
                    foreach ($result in $results) {
                        $tip = if ($result[1]) { $result[1] } else { $result[0] }
                        [System.Management.Automation.CompletionResult]::new($result[0], $result[0], $result[2], $tip)
                    }
                }
                """);
        return out.toString();
    }

    /** A PowerShell single-quoted string: inside, a quote is written twice. */
    static String quote(String text) {
        return "'" + text.replace("'", "''").replace("‘", "‘‘").replace("’", "’’") + "'";
    }
}
