package dev.fluxboot.githost;

/** Makes the API client of a forge; no request is made yet. */
@FunctionalInterface
public interface ForgeConnector {

    /** @param username the user name some forges need besides the token (Bitbucket Server's {@code -u}); may be null */
    GitHost connect(Forge forge, ForgeConnection connection, String username);
}
