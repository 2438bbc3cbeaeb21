package dev.fluxboot.manifests.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on loopback that misbehaves the way networks do: announces a Content-Length,
 * sends part of the body, then drops the connection ({@link Mode#TRUNCATE}) or goes silent
 * while keeping it open ({@link Mode#STALL}). Answers every request the same.
 */
final class BrokenHttpServer implements AutoCloseable {

    enum Mode { TRUNCATE, STALL }

    private final ServerSocket socket;
    private final byte[] body;
    private final int sent;
    private final Mode mode;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    BrokenHttpServer(byte[] body, int sent, Mode mode) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.body = body;
        this.sent = sent;
        this.mode = mode;
        Thread acceptor = new Thread(this::acceptLoop, "broken-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/releases");
    }

    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread handler = new Thread(() -> answer(connection), "broken-http-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            readRequestHead(connection.getInputStream());
            requests.incrementAndGet();
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/gzip\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sent);
            out.flush();
            if (mode == Mode.STALL) {
                closed.await();
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up: fine
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
    }
}
