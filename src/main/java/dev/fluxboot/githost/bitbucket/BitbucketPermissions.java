package dev.fluxboot.githost.bitbucket;

import dev.fluxboot.UsageException;

import java.util.Locale;
import java.util.Map;

/**
 * {@code --group name[:permission]}: Flux's permission names as go-git-providers maps them for
 * Bitbucket Server (pull REPO_READ, push REPO_WRITE, admin REPO_ADMIN; Bitbucket has no triage or
 * maintain), and the project permissions that imply them.
 */
final class BitbucketPermissions {

    /** Flux's default for {@code bootstrap bitbucket-server --group}. */
    static final String DEFAULT = "push";

    private static final Map<String, String> REPOSITORY = Map.of(
            "pull", "REPO_READ",
            "push", "REPO_WRITE",
            "admin", "REPO_ADMIN");

    private static final Map<String, Integer> RANK = Map.of(
            "REPO_READ", 10, "REPO_WRITE", 30, "REPO_ADMIN", 50,
            "PROJECT_READ", 10, "PROJECT_WRITE", 30, "PROJECT_ADMIN", 50);

    private BitbucketPermissions() {
    }

    static String nameOrDefault(String permission) {
        return permission == null || permission.isBlank() ? DEFAULT : permission.strip().toLowerCase(Locale.ROOT);
    }

    /** @throws UsageException for names Bitbucket Server cannot grant */
    static String repositoryPermission(String group, String permission) {
        String value = REPOSITORY.get(nameOrDefault(permission));
        if (value == null) {
            throw new UsageException("invalid permission \"" + permission + "\" for group \"" + group
                    + "\" (--group): Bitbucket Server grants pull, push or admin");
        }
        return value;
    }

    /** 10, 30 or 50 for a repository or project permission; 0 for anything else. */
    static int rank(String permission) {
        return permission == null ? 0 : RANK.getOrDefault(permission, 0);
    }
}
