package dev.fluxboot.testing.forge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTPS forward proxy on loopback: answers {@code CONNECT host:port}, records the target and
 * tunnels to the same port on 127.0.0.1 whatever the host name (so tests can use names that resolve
 * nowhere and still see which requests went through the proxy).
 */
public final class TestConnectProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> connects = new ArrayList<>();
    private final Thread acceptor;

    public TestConnectProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "test-connect-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code http://127.0.0.1:<port>}: a value for {@code HTTPS_PROXY}. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The {@code host:port} of every CONNECT received. */
    public synchronized List<String> connects() {
        return List.copyOf(connects);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread tunnel = new Thread(() -> tunnel(client), "test-connect-tunnel");
                tunnel.setDaemon(true);
                tunnel.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String requestLine = readLine(in);
            while (!readLine(in).isEmpty()) {
                // headers (Proxy-Authorization, Host, ...) are not checked
            }
            String[] parts = requestLine.split(" ");
            if (parts.length < 2 || !parts[0].equals("CONNECT")) {
                client.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            synchronized (this) {
                connects.add(parts[1]);
            }
            int port = Integer.parseInt(parts[1].substring(parts[1].lastIndexOf(':') + 1));
            try (Socket upstream = new Socket()) {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                Thread back = new Thread(() -> pump(upstream, client), "test-connect-back");
                back.setDaemon(true);
                back.start();
                pump(client, upstream);
                back.join(5000);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
