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

    UploadPack uploadPack(Repository repository) {
        fetches.incrementAndGet();
        UploadPack pack = new UploadPack(repository);
        pack.setTimeout(60);
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
}
