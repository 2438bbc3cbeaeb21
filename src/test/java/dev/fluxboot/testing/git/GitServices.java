package dev.fluxboot.testing.git;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

import java.util.concurrent.atomic.AtomicInteger;

/** Upload and receive packs over {@link GitRepositories}, with the hooks and counters both test servers offer. */
final class GitServices {

    private final GitRepositories repositories;
    private volatile ReceiveHook beforeReceive;
    private volatile ReceiveHook duringReceive;
    private final AtomicInteger advertisedReceives = new AtomicInteger();
    private final AtomicInteger preReceives = new AtomicInteger();
    private final AtomicInteger pushes = new AtomicInteger();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger v2Fetches = new AtomicInteger();

    GitServices(GitRepositories repositories) {
        this.repositories = repositories;
    }

    GitRepositories repositories() {
        return repositories;
    }

    void beforeReceive(ReceiveHook hook) {
        this.beforeReceive = hook;
    }

    void duringReceive(ReceiveHook hook) {
        this.duringReceive = hook;
    }

    /** Called when a client starts a push, before the refs are advertised to it. */
    void receiveStarting(String name, Repository repository) throws Exception {
        int number = advertisedReceives.incrementAndGet();
        ReceiveHook hook = beforeReceive;
        if (hook != null) {
            hook.run(name, repository, number);
        }
    }

    /**
     * @param gitProtocol the client's {@code GIT_PROTOCOL} (SSH env) or {@code Git-Protocol} (HTTP
     *                    header), e.g. {@code version=2}; {@code null} for protocol v0
     */
    UploadPack uploadPack(Repository repository, String gitProtocol) {
        fetches.incrementAndGet();
        UploadPack pack = new UploadPack(repository);
        pack.setTimeout(60);
        if (gitProtocol != null && !gitProtocol.isBlank()) {
            pack.setExtraParameters(java.util.Arrays.asList(gitProtocol.split(":")));
            if (gitProtocol.contains("version=2")) {
                v2Fetches.incrementAndGet();
            }
        }
        return pack;
    }

    ReceivePack receivePack(String name, Repository repository) {
        ReceivePack pack = new ReceivePack(repository);
        pack.setTimeout(60);
        pack.setAllowNonFastForwards(false);
        pack.setAllowDeletes(false);
        pack.setPreReceiveHook((rp, commands) -> {
            int number = preReceives.incrementAndGet();
            ReceiveHook hook = duringReceive;
            if (hook != null) {
                try {
                    hook.run(name, repository, number);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        pack.setPostReceiveHook((rp, commands) -> {
            if (commands.stream().anyMatch(c -> c.getResult() == ReceiveCommand.Result.OK)) {
                pushes.incrementAndGet();
            }
        });
        return pack;
    }

    /** Pushes that updated at least one ref. */
    int pushCount() {
        return pushes.get();
    }

    /** Upload packs served (ref listings and fetches). */
    int fetchCount() {
        return fetches.get();
    }

    /** Upload packs where the client asked for protocol v2. */
    int v2FetchCount() {
        return v2Fetches.get();
    }
}
