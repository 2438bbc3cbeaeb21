package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connector outside the cluster layer is faked: it records who asked, on which thread, and what was closed. */
class EarlyClusterConnectorTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final RecordingConnector opened = new RecordingConnector();

    @Test
    void theRunGetsTheConnectionOpenedOnItsOwnThread() {
        // Given a connection started early
        KubeConnection connection = KubeConnection.builder().build();
        EarlyClusterConnector early = new EarlyClusterConnector(opened);
        early.start(connection, TIMEOUT);

        // When the run asks for that connection
        Cluster cluster = early.connect(connection, TIMEOUT);

        // Then it is the one opened once, on the connector's thread, not the caller's
        assertThat(opened.calls).hasSize(1);
        assertThat(opened.calls.get(0).thread()).isEqualTo("fluxboot-cluster-connect");
        assertThat(cluster).isSameAs(opened.calls.get(0).cluster());
    }

    @Test
    void anotherConnectionOrASecondAskIsOpenedAsUsualOnTheCallersThread() {
        KubeConnection early = KubeConnection.builder().build();
        KubeConnection other = KubeConnection.builder().context(java.util.Optional.of("staging")).build();
        EarlyClusterConnector connector = new EarlyClusterConnector(opened);
        connector.start(early, TIMEOUT);

        Cluster first = connector.connect(early, TIMEOUT);
        Cluster second = connector.connect(early, TIMEOUT);
        Cluster third = connector.connect(other, TIMEOUT);

        assertThat(opened.calls).hasSize(3);
        assertThat(List.of(second, third)).doesNotContain(first);
        String caller = Thread.currentThread().getName();
        assertThat(opened.calls.subList(1, 3)).extracting(Call::thread).containsOnly(caller);
        assertThat(opened.calls.get(2).connection()).isSameAs(other);
    }

    @Test
    void withoutAStartEveryConnectionIsOpenedOnTheCallersThread() {
        KubeConnection connection = KubeConnection.builder().build();
        EarlyClusterConnector connector = new EarlyClusterConnector(opened);

        connector.connect(connection, TIMEOUT);

        assertThat(opened.calls).extracting(Call::thread).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFailureToConnectIsReportedWhenTheRunAsksNotWhenItStarts() {
        // Given a connector that cannot read the kubeconfig
        ClusterConnector failing = (connection, timeout) -> {
            throw new FluxbootException("context \"prod\" not found in the kubeconfig; check --context");
        };
        EarlyClusterConnector early = new EarlyClusterConnector(failing);
        KubeConnection connection = KubeConnection.builder().build();

        // When it is started, nothing is thrown; when asked, the connector's own message is
        early.start(connection, TIMEOUT);

        assertThatThrownBy(() -> early.connect(connection, TIMEOUT))
                .isInstanceOf(FluxbootException.class)
                .hasMessage("context \"prod\" not found in the kubeconfig; check --context");
    }

    @Test
    void aConnectionNoRunTookIsClosedOnceItOpens() throws InterruptedException {
        // Given a connection still opening when the caller gives up (its input was bad)
        CountDownLatch release = new CountDownLatch(1);
        RecordingConnector slow = new RecordingConnector(release);
        EarlyClusterConnector early = new EarlyClusterConnector(slow);
        early.start(KubeConnection.builder().build(), TIMEOUT);

        // When the caller closes the connector, and then the connection opens
        early.close();
        release.countDown();

        // Then that connection is closed
        assertThat(slow.closed.await(1, TimeUnit.MINUTES)).as("the early connection was closed").isTrue();
    }

    @Test
    void aConnectionTheRunTookIsLeftToTheRun() {
        KubeConnection connection = KubeConnection.builder().build();
        EarlyClusterConnector early = new EarlyClusterConnector(opened);
        early.start(connection, TIMEOUT);
        early.connect(connection, TIMEOUT);

        early.close();

        assertThat(opened.closed.getCount()).as("closes not counted down").isEqualTo(1);
    }

    private record Call(KubeConnection connection, String thread, Cluster cluster) {
    }

    /** Opens fake clusters whose only behaviour is to count their closing. */
    private static final class RecordingConnector implements ClusterConnector {
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        private final CountDownLatch release;

        RecordingConnector() {
            this(new CountDownLatch(0));
        }

        RecordingConnector(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public Cluster connect(KubeConnection connection, Duration timeout) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Cluster cluster = (Cluster) Proxy.newProxyInstance(Cluster.class.getClassLoader(), new Class<?>[]{Cluster.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> {
                            closed.countDown();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "fake cluster";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            calls.add(new Call(connection, Thread.currentThread().getName(), cluster));
            return cluster;
        }
    }
}
