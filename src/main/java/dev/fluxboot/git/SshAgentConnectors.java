package dev.fluxboot.git;

import org.eclipse.jgit.transport.sshd.agent.AbstractConnector;
import org.eclipse.jgit.transport.sshd.agent.Connector;
import org.eclipse.jgit.transport.sshd.agent.ConnectorFactory;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * JGit's SSH agent connector over the agent's Unix domain socket ({@code SSH_AUTH_SOCK}), with the
 * JDK's own Unix sockets: JGit's connector needs JNA, which fluxboot does not ship.
 */
final class SshAgentConnectors implements ConnectorFactory {

    private final Path socket;

    SshAgentConnectors(Path socket) {
        this.socket = socket;
    }

    @Override
    public Connector create(String identityAgent, File homeDir) {
        return new UnixSocketConnector(socket);
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public String getName() {
        return "fluxboot-unix-socket";
    }

    @Override
    public Collection<ConnectorDescriptor> getSupportedConnectors() {
        return List.of(getDefaultConnector());
    }

    @Override
    public ConnectorDescriptor getDefaultConnector() {
        return new ConnectorDescriptor() {
            @Override
            public String getIdentityAgent() {
                return socket.toString();
            }

            @Override
            public String getDisplayName() {
                return "SSH agent at " + socket;
            }
        };
    }

    /** One agent connection: each request a length-prefixed message, each answer one too. */
    private static final class UnixSocketConnector extends AbstractConnector {
        private final Path socket;
        private SocketChannel channel;

        UnixSocketConnector(Path socket) {
            this.socket = socket;
        }

        @Override
        public synchronized boolean connect() throws IOException {
            if (channel == null) {
                SocketChannel opened = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    opened.connect(UnixDomainSocketAddress.of(socket));
                } catch (IOException e) {
                    opened.close();
                    throw new IOException("cannot reach the SSH agent at " + socket + " (SSH_AUTH_SOCK): "
                            + e.getMessage(), e);
                }
                channel = opened;
            }
            return true;
        }

        @Override
        public synchronized byte[] rpc(byte command, byte[] message) throws IOException {
            prepareMessage(command, message);
            write(message);
            byte[] length = read(4);
            return read(toLength(command, length));
        }

        private void write(byte[] message) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(message);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        private byte[] read(int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("the SSH agent at " + socket + " closed the connection");
                }
            }
            return buffer.array();
        }

        @Override
        public synchronized void close() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }
    }
}
