package dev.fluxboot.bootstrap;

/**
 * How the steps shared by install and bootstrap speak: as {@code flux install} does, as
 * {@code flux bootstrap} does, or not at all ({@code install --export}, whose only output is the YAML).
 */
enum Voice { INSTALL, BOOTSTRAP, QUIET }
