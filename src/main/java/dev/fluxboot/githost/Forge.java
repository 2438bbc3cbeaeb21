package dev.fluxboot.githost;

/** The forges the engine has API clients for. */
public enum Forge {
    GITHUB,
    GITLAB,
    GITEA,
    BITBUCKET_SERVER
}
