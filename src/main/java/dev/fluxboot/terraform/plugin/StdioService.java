package dev.fluxboot.terraform.plugin;

import dev.fluxboot.terraform.protocol.GRPCStdioGrpc;
import dev.fluxboot.terraform.protocol.GoPlugin;
import io.grpc.stub.StreamObserver;

/**
 * go-plugin's stdio stream, which Terraform opens once per plugin. Nothing goes through it:
 * the provider writes nothing on stdout after the handshake, and its stderr reaches Terraform's
 * log directly. The stream stays open until the server stops.
 */
final class StdioService extends GRPCStdioGrpc.GRPCStdioImplBase {

    @Override
    public void streamStdio(GoPlugin.Empty request, StreamObserver<GoPlugin.StdioData> observer) {
        // Left open on purpose: completing it would make go-plugin log that stdio ended.
    }
}
