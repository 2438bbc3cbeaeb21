package dev.fluxboot.terraform.plugin;

import dev.fluxboot.terraform.protocol.GRPCControllerGrpc;
import dev.fluxboot.terraform.protocol.GoPlugin;
import io.grpc.stub.StreamObserver;

/**
 * go-plugin's controller: Terraform calls Shutdown when it is done with the provider and kills
 * the process two seconds later if it has not exited, so the answer is followed by the exit.
 */
final class ControllerService extends GRPCControllerGrpc.GRPCControllerImplBase {

    private final Runnable shutdown;

    /** {@code shutdown}: stops the server and ends the process; run once the answer is sent. */
    ControllerService(Runnable shutdown) {
        this.shutdown = shutdown;
    }

    @Override
    public void shutdown(GoPlugin.Empty request, StreamObserver<GoPlugin.Empty> observer) {
        observer.onNext(GoPlugin.Empty.getDefaultInstance());
        observer.onCompleted();
        Thread exit = new Thread(shutdown, "fluxboot-provider-shutdown");
        exit.setDaemon(false);
        exit.start();
    }
}
