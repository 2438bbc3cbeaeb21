package dev.fluxboot.githost.gitlab;

import dev.fluxboot.UsageException;

import java.util.regex.Pattern;

/** GitLab project names as the Flux CLI accepts them (its {@code gitlabProjectRegex}). */
final class GitLabProjectNames {

    /**
     * Go's {@code \A[[:alnum:]\x{00A9}-\x{1f9ff}_][[:alnum:]\p{Pd}\x{00A9}-\x{1f9ff}_\.]*\z}; RE2's
     * {@code [[:alnum:]]} is ASCII only.
     */
    private static final Pattern PROJECT_NAME = Pattern.compile(
            "\\A[A-Za-z0-9\\x{00A9}-\\x{1F9FF}_][A-Za-z0-9\\p{Pd}\\x{00A9}-\\x{1F9FF}_.]*\\z");

    /** What GitLab accepts as a project path (the URL part); other names leave the path to GitLab. */
    private static final Pattern PROJECT_PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private GitLabProjectNames() {
    }

    /** @throws UsageException naming the value and what it may contain */
    static void check(String name) {
        if (name == null || !PROJECT_NAME.matcher(name).matches()) {
            throw new UsageException("\"" + name + "\" is an invalid project name for GitLab (--repository): it can "
                    + "contain only letters, digits, emojis, '_', '.' and dashes, and must start with a letter, digit, emoji or '_'");
        }
    }

    /** Whether the name can also be the project's path, so the clone URL is the name as given. */
    static boolean isPath(String name) {
        return PROJECT_PATH.matcher(name).matches() && !name.endsWith(".git") && !name.endsWith(".atom");
    }
}
