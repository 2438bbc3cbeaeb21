package dev.fluxboot.cli;

import java.util.List;

/** A command whose flags carry secrets (passwords, tokens), so error output can blank them out. */
public interface SecretHolder {

    /** The secret values given on the command line; empty strings are ignored. */
    List<String> secrets();
}
