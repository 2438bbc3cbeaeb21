package dev.fluxboot.terraform.plugin;

import dev.fluxboot.terraform.FluxbootProvider;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The plugin's gRPC server on loopback: Terraform's provider service, go-plugin's controller
 * and stdio services, and gRPC health ({@code plugin} SERVING, which go-plugin pings). With a
 * client certificate, mutual TLS through the JDK's TLS (the certificate Terraform presents is
 * ECDSA P-521, which the BoringSSL bundled with grpc-netty cannot verify), Netty's NIO transport
 * (no native library to unpack at start-up).
 */
public final class PluginServer {

    /** Resource states hold whole manifests; gRPC's default limit is 4 MiB. */
    private static final int MAX_MESSAGE_BYTES = 256 << 20;

    private final Server server;
    private final NioEventLoopGroup boss;
    private final NioEventLoopGroup workers;

    private PluginServer(Server server, NioEventLoopGroup boss, NioEventLoopGroup workers) {
        this.server = server;
        this.boss = boss;
        this.workers = workers;
    }

    /**
     * Starts serving {@code provider} on an ephemeral port of 127.0.0.1.
     *
     * @param tls the server's identity and the client certificate to require; empty for plaintext
     * @param onShutdown run after the controller's Shutdown has been answered (it ends the process)
     */
    public static PluginServer start(FluxbootProvider provider, Optional<Tls> tls, Runnable onShutdown) {
        NioEventLoopGroup boss = new NioEventLoopGroup(1);
        NioEventLoopGroup workers = new NioEventLoopGroup(2);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .channelType(NioServerSocketChannel.class)
                .bossEventLoopGroup(boss)
                .workerEventLoopGroup(workers)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(new ProviderService(provider))
                .addService(new ControllerService(onShutdown))
                .addService(new StdioService())
                .addService(new HealthService());
        if (tls.isPresent()) {
            builder.sslContext(PluginTls.serverContext(tls.get().server(), tls.get().client()));
        }
        try {
            return new PluginServer(builder.build().start(), boss, workers);
        } catch (IOException e) {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    /** The server's identity and the one client certificate it accepts. */
    public record Tls(ServerCertificate server, X509Certificate client) {
    }

    public int port() {
        return server.getPort();
    }

    /** Stops accepting calls, gives those in flight a moment, then closes the rest. */
    public void stop() {
        server.shutdown();
        try {
            if (!server.awaitTermination(500, TimeUnit.MILLISECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
        boss.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
        workers.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
    }

    /** Blocks until the server has stopped. */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }
}
