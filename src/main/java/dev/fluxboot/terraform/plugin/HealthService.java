package dev.fluxboot.terraform.plugin;

import dev.fluxboot.terraform.protocol.HealthProto;
import dev.fluxboot.terraform.protocol.HealthGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * gRPC health checking as go-plugin pings a plugin: the service {@value #SERVICE} (and the
 * server as a whole, the empty name) is SERVING while the process serves; any other name is
 * NOT_FOUND, as gRPC's own health service answers.
 */
final class HealthService extends HealthGrpc.HealthImplBase {

    /** The health service name go-plugin checks. */
    static final String SERVICE = "plugin";

    @Override
    public void check(HealthProto.HealthCheckRequest request, StreamObserver<HealthProto.HealthCheckResponse> observer) {
        if (!request.getService().isEmpty() && !request.getService().equals(SERVICE)) {
            observer.onError(Status.NOT_FOUND.withDescription("unknown service " + request.getService()).asRuntimeException());
            return;
        }
        observer.onNext(HealthProto.HealthCheckResponse.newBuilder()
                .setStatus(HealthProto.HealthCheckResponse.ServingStatus.SERVING).build());
        observer.onCompleted();
    }
}
