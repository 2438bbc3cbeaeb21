package dev.fluxboot.bootstrap;

import dev.fluxboot.cluster.ObjectChange;

import java.util.List;

/** Server-side applies the generated objects and lists what each one did, as Flux prints it. */
final class ApplyComponents implements Step<InstallContext> {

    @Override
    public String name() {
        return "apply components";
    }

    @Override
    public void run(InstallContext context) {
        List<ObjectChange> changes = context.cluster().apply(context.components().objects(), context.remaining());
        changes.forEach(change -> context.reporter().info(change.toString()));
    }
}
