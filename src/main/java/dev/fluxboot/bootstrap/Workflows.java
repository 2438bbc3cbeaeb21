package dev.fluxboot.bootstrap;

import dev.fluxboot.ui.Prompter;
import dev.fluxboot.ui.Reporter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the workflows the commands run; the one place that decides which steps run in which order. */
public final class Workflows {

    private Workflows() {
    }

    /**
     * {@code install}: resolve the bundle, generate the components, then either print them
     * ({@code --export}) or check the Flux already there, apply, create the image pull secret
     * and wait for the controllers.
     */
    public static Workflow<InstallContext> install(InstallRequest request) {
        List<Step<InstallContext>> steps = new ArrayList<>(List.of(new ResolveManifests(), new GenerateComponents()));
        if (request.export()) {
            steps.add(new ExportComponents());
        } else {
            steps.add(new CheckExistingFlux());
            steps.add(new ApplyComponents());
            if (request.registryCredentials().isPresent()) {
                steps.add(new ApplyImagePullSecret());
            }
            steps.add(new VerifyInstallation());
        }
        return new Workflow<>("install", steps);
    }

    /** Runs {@link #install} for {@code request} and closes the cluster connection it opened. */
    public static void runInstall(InstallRequest request, InstallServices services, Reporter reporter,
                                  Prompter prompter) {
        try (InstallContext context = new InstallContext(request, services, reporter, prompter, Clock.systemUTC())) {
            install(request).run(context);
        }
    }
}
