package dev.fluxboot.bootstrap;

/** {@code --export}: the YAML on stdout, nothing else there; no cluster is touched. */
final class ExportComponents implements Step<InstallContext> {

    @Override
    public String name() {
        return "export components";
    }

    @Override
    public void run(InstallContext context) {
        context.reporter().result(context.components().yaml());
    }
}
