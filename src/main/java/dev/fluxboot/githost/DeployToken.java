package dev.fluxboot.githost;

/**
 * A repository deploy token (GitLab {@code --deploy-token-auth}): the Git credentials that go into
 * the source Secret ({@code username}, {@code password} = token). {@link #toString()} hides the token.
 *
 * @param name     titled like a deploy key ({@link DeployKey#title})
 * @param username the user name the forge generated for it
 * @param token    the secret; only known right after creation
 */
public record DeployToken(String name, String username, String token) {

    @Override
    public String toString() {
        return "DeployToken[name=" + name + ", username=" + username + ", token=***]";
    }
}
