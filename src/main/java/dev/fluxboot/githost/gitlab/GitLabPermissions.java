package dev.fluxboot.githost.gitlab;

import dev.fluxboot.UsageException;
import org.gitlab4j.api.models.AccessLevel;

import java.util.Locale;
import java.util.Map;

/**
 * {@code --team name:permission} for GitLab group shares: Flux's permission names and the access
 * levels go-git-providers maps them to (pull 10, triage 20, push 30, maintain 40, admin 50).
 */
final class GitLabPermissions {

    /** Flux's default for {@code bootstrap gitlab --team}. */
    static final String DEFAULT = "maintain";

    private static final Map<String, AccessLevel> LEVELS = Map.of(
            "pull", AccessLevel.GUEST,
            "triage", AccessLevel.REPORTER,
            "push", AccessLevel.DEVELOPER,
            "maintain", AccessLevel.MAINTAINER,
            "admin", AccessLevel.OWNER);

    private GitLabPermissions() {
    }

    /** The permission name, defaulted to {@link #DEFAULT} when empty. */
    static String nameOrDefault(String permission) {
        return permission == null || permission.isBlank() ? DEFAULT : permission.strip().toLowerCase(Locale.ROOT);
    }

    /** @throws UsageException for a name Flux does not know */
    static AccessLevel accessLevel(String team, String permission) {
        AccessLevel level = LEVELS.get(nameOrDefault(permission));
        if (level == null) {
            throw new UsageException("invalid permission \"" + permission + "\" for team \"" + team
                    + "\" (--team): use pull, triage, push, maintain or admin");
        }
        return level;
    }

    /** Same level? (GitLab answers 40 for both MASTER and MAINTAINER.) */
    static boolean same(AccessLevel a, AccessLevel b) {
        return a != null && b != null && a.value.equals(b.value);
    }
}
