package dev.fluxboot.git;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;
import dev.fluxboot.ui.Reporter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PackLock;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.lib.NullProgressMonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One branch of a remote repository, fetched shallow (depth 1) into a private bare repository in
 * a temporary directory: no working tree, nothing checked out. Files are read from the fetched
 * commit; commits are built from its tree with only the changed paths replaced; a push that
 * loses a race is redone on the new tip. Not thread-safe. Close it to delete the local copy.
 */
public final class RemoteBranch implements TreeReader, AutoCloseable {

    /** Pushes retried after a rejection because the branch moved (so at most 1 + this many pushes). */
    public static final int PUSH_RETRIES = 3;

    private final GitRemote remote;
    private final String branch;
    private final Reporter reporter;
    private final Path directory;
    private final Repository repository;
    private final Transports transports;
    private ObjectId head;

    private RemoteBranch(GitRemote remote, String branch, Reporter reporter, Path directory,
                         Repository repository, Transports transports) {
        this.remote = remote;
        this.branch = branch;
        this.reporter = reporter;
        this.directory = directory;
        this.repository = repository;
        this.transports = transports;
    }

    /**
     * Fetches {@code branch} of the remote (depth 1). An empty remote repository gives a new,
     * empty history on {@code branch}; a remote that has commits but not this branch is an error
     * naming the branches it has.
     *
     * @throws UsageException    for an invalid branch name
     * @throws FluxbootException when the remote cannot be reached or read, or lacks the branch
     */
    public static RemoteBranch fetch(GitRemote remote, String branch, Reporter reporter) {
        return fetch(remote, branch, reporter, ScratchSpace.inTemp());
    }

    /** As {@link #fetch(GitRemote, String, Reporter)}, the local copy in {@code scratch}. */
    public static RemoteBranch fetch(GitRemote remote, String branch, Reporter reporter, ScratchSpace scratch) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(reporter, "reporter");
        if (branch == null || branch.isBlank() || !Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new UsageException("invalid branch name '" + branch + "' (--branch)");
        }
        // Owner-only permissions on POSIX: the copy may hold private content.
        Path directory = scratch.newDirectory("git");
        Repository repository = null;
        Transports transports = null;
        try {
            Path sshHome = Files.createDirectory(directory.resolve("ssh-home"));
            repository = FileRepositoryBuilder.create(directory.resolve("repo.git").toFile());
            repository.create(true);
            StoredConfig config = repository.getConfig();
            // Written into the repository so a user's global http.sslVerify=false cannot weaken it.
            config.setBoolean("http", null, "sslVerify", true);
            // No background gc on a copy that lives for one command (and is deleted under it).
            config.setInt("gc", null, "auto", 0);
            config.setBoolean("gc", null, "autoDetach", false);
            config.save();
            RefUpdate headUpdate = repository.updateRef(Constants.HEAD);
            headUpdate.disableRefLog();
            headUpdate.link(Constants.R_HEADS + branch);
            transports = new Transports(remote, sshHome);
            RemoteBranch fetched = new RemoteBranch(remote, branch, reporter, directory, repository, transports);
            fetched.refresh();
            return fetched;
        } catch (IOException | RuntimeException e) {
            if (transports != null) {
                transports.close();
            }
            if (repository != null) {
                repository.close();
            }
            deleteRecursively(directory);
            if (e instanceof FluxbootException fluxbootException) {
                throw fluxbootException;
            }
            if (e instanceof RuntimeException runtime && !(e instanceof UncheckedIOException)) {
                throw runtime;
            }
            throw new FluxbootException("cannot prepare a local Git repository: " + e.getMessage(), e);
        }
    }

    /**
     * Lists the remote's refs, then fetches the branch at depth 1 (when the remote has it), on one
     * connection: over SSH a second session would cost another key exchange and authentication.
     */
    private void refresh() {
        String ref = Constants.R_HEADS + branch;
        Ref advertisedRef;
        try (Transport transport = transports.open(repository)) {
            transport.setDepth(1);
            transport.setTagOpt(TagOpt.NO_TAGS);
            try (FetchConnection connection = transport.openFetch()) {
                Map<String, Ref> advertised = connection.getRefsMap();
                advertisedRef = advertised.get(ref);
                if (advertisedRef == null || advertisedRef.getObjectId() == null) {
                    requireEmpty(advertised);
                    head = null; // empty repository: the first push starts the history
                    return;
                }
                try {
                    connection.fetch(NullProgressMonitor.INSTANCE, List.of(advertisedRef), Set.of());
                } finally {
                    for (PackLock lock : connection.getPackLocks()) {
                        lock.unlock();
                    }
                }
            }
        } catch (FluxbootException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw transports.failure("reading Git repository", e);
        }
        ObjectId fetched = advertisedRef.getObjectId();
        try {
            if (!repository.getObjectDatabase().has(fetched)) {
                throw new FluxbootException("fetching branch \"" + branch + "\" from " + remote.url() + " gave no commit");
            }
            RefUpdate update = repository.updateRef(ref);
            update.disableRefLog();
            update.setNewObjectId(fetched);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
                    && result != RefUpdate.Result.NO_CHANGE && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IOException("updating " + ref + ": " + result);
            }
            head = fetched;
        } catch (IOException e) {
            throw new FluxbootException("cannot read the fetched branch \"" + branch + "\": " + e.getMessage(), e);
        }
    }

    /** The branch is missing: fine in an empty repository, else the branches there are named. */
    private void requireEmpty(Map<String, Ref> advertised) {
        List<String> branches = advertised.keySet().stream()
                .filter(name -> name.startsWith(Constants.R_HEADS))
                .map(name -> name.substring(Constants.R_HEADS.length()))
                .sorted().collect(Collectors.toList());
        if (advertised.isEmpty() || (branches.isEmpty() && onlyHead(advertised))) {
            return;
        }
        throw new FluxbootException("branch \"" + branch + "\" not found in Git repository " + remote.url()
                + (branches.isEmpty() ? "; it has no branches" : "; it has: " + String.join(", ", branches))
                + "; pass an existing --branch or create the branch first");
    }

    private static boolean onlyHead(Map<String, Ref> advertised) {
        return advertised.keySet().stream().allMatch(Constants.HEAD::equals);
    }

    public GitRemote remote() {
        return remote;
    }

    /**
     * Whether {@code later} has {@code earlier} in its history: a branch that moved on after this
     * run pushed (another cluster's bootstrap into the same branch) still holds what this run pushed.
     * A commit not here yet is fetched, with the history since {@code earlier} was made.
     *
     * @param later   a commit id, e.g. the revision Flux reconciled
     * @param earlier a commit this copy has, e.g. the one this run pushed
     */
    public boolean contains(String later, String earlier) {
        if (!ObjectId.isId(later) || !ObjectId.isId(earlier)) {
            return false;
        }
        ObjectId descendant = ObjectId.fromString(later);
        ObjectId ancestor = ObjectId.fromString(earlier);
        try {
            if (!repository.getObjectDatabase().has(descendant)) {
                fetchHistorySince(ancestor);
            }
            if (!repository.getObjectDatabase().has(descendant) || !repository.getObjectDatabase().has(ancestor)) {
                return false;
            }
            try (RevWalk walk = new RevWalk(repository)) {
                return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(descendant));
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The branch's tip and the commits since {@code since} was made, into a ref of their own (the branch stays). */
    private void fetchHistorySince(ObjectId since) throws IOException {
        Instant made;
        try (RevWalk walk = new RevWalk(repository)) {
            made = walk.parseCommit(since).getCommitterIdent().getWhenAsInstant();
        }
        try (Transport transport = transports.open(repository)) {
            // a minute of slack for clocks that disagree between the machines that committed
            transport.setDeepenSince(made.minusSeconds(60));
            transport.setTagOpt(TagOpt.NO_TAGS);
            transport.setRemoveDeletedRefs(false);
            transport.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+" + Constants.R_HEADS + branch
                    + ":refs/fluxboot/upstream")));
        } catch (RuntimeException e) {
            throw transports.failure("fetching branch \"" + branch + "\" from", e);
        }
    }

    public String branch() {
        return branch;
    }

    /**
     * The local tip: the fetched commit, or the last commit made here (pushed or not); empty for
     * a new history before the first commit.
     */
    public Optional<String> head() {
        return Optional.ofNullable(head).map(ObjectId::name);
    }

    /** Reads a file at {@link #head()}; empty for a new history. */
    @Override
    public Optional<byte[]> readFile(String path) {
        return readFile(head, path);
    }

    private Optional<byte[]> readFile(ObjectId commit, String path) {
        ChangeSet.checkPath(path);
        if (commit == null) {
            return Optional.empty();
        }
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevTree tree = walk.parseCommit(commit).getTree();
            refuseLinksOnTheWay(reader, tree, path, true);
            try (TreeWalk treeWalk = TreeWalk.forPath(reader, path, tree)) {
                if (treeWalk == null) {
                    return Optional.empty();
                }
                FileMode mode = treeWalk.getFileMode(0);
                if ((mode.getBits() & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
                    return Optional.empty();
                }
                return Optional.of(reader.open(treeWalk.getObjectId(0), Constants.OBJ_BLOB).getBytes());
            }
        } catch (IOException e) {
            throw new FluxbootException("cannot read " + path + " from branch \"" + branch + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses, before anything is committed, paths the caller will read or write at
     * {@link #head()} that are, or lie below, a symbolic link, a submodule or a file: naming it.
     *
     * @throws FluxbootException naming the first such path
     */
    public void requireRealPaths(List<String> paths) {
        if (head == null) {
            return;
        }
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevTree tree = walk.parseCommit(head).getTree();
            for (String path : paths) {
                refuseLinksOnTheWay(reader, tree, ChangeSet.checkPath(path), true);
            }
        } catch (IOException e) {
            throw new FluxbootException("cannot read branch \"" + branch + "\": " + e.getMessage(), e);
        }
    }

    /** Lists files under a directory at {@link #head()}; empty for a new history. */
    @Override
    public List<String> listFiles(String directory) {
        return listFiles(head, directory);
    }

    private List<String> listFiles(ObjectId commit, String directory) {
        if (!directory.isEmpty()) {
            ChangeSet.checkPath(directory);
        }
        List<String> paths = new ArrayList<>();
        if (commit == null) {
            return paths;
        }
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevTree tree = walk.parseCommit(commit).getTree();
            if (directory.isEmpty()) {
                try (TreeWalk files = new TreeWalk(reader)) {
                    files.addTree(tree);
                    files.setRecursive(true);
                    while (files.next()) {
                        if ((files.getFileMode(0).getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
                            paths.add(files.getPathString());
                        }
                    }
                }
                java.util.Collections.sort(paths);
                return paths;
            }
            refuseLinksOnTheWay(reader, tree, directory, true);
            try (TreeWalk directoryWalk = TreeWalk.forPath(reader, directory, tree)) {
                if (directoryWalk == null || !directoryWalk.isSubtree()) {
                    return paths;
                }
                try (TreeWalk files = new TreeWalk(reader)) {
                    files.addTree(directoryWalk.getObjectId(0));
                    files.setRecursive(true);
                    while (files.next()) {
                        int type = files.getFileMode(0).getBits() & FileMode.TYPE_MASK;
                        String path = directory + "/" + files.getPathString();
                        if (type == FileMode.TYPE_FILE) {
                            paths.add(path);
                        } else if (type == FileMode.TYPE_SYMLINK || type == FileMode.TYPE_GITLINK) {
                            throw notAFolderOrFile(path, type);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new FluxbootException("cannot list " + directory + " of branch \"" + branch + "\": " + e.getMessage(), e);
        }
        java.util.Collections.sort(paths);
        return paths;
    }

    /**
     * Makes a commit on {@link #head()} with the changes the source computes, in the local copy
     * only, and moves {@link #head()} to it. Empty when the changes would leave the tree as it is.
     * Push it with {@link #push}; a dry run can look at {@link LocalCommit#changedPaths()} and
     * close this branch without pushing.
     */
    public Optional<LocalCommit> commit(ChangeSource source, CommitDetails details) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(details, "details");
        ObjectId base = head;
        ChangeSet changes = source.changesOn(new TreeReader() {
            @Override
            public Optional<byte[]> readFile(String path) {
                return RemoteBranch.this.readFile(base, path);
            }

            @Override
            public List<String> listFiles(String directory) {
                return RemoteBranch.this.listFiles(base, directory);
            }
        });
        if (changes == null) {
            throw new IllegalStateException("the change source returned null");
        }
        try (ObjectInserter inserter = repository.newObjectInserter();
             ObjectReader reader = inserter.newReader();
             RevWalk walk = new RevWalk(reader)) {
            RevTree baseTree = base == null ? null : walk.parseCommit(base).getTree();
            if (baseTree != null) {
                for (String path : changes.paths()) {
                    // a deleted link just goes; anything written must not go through or over one
                    refuseLinksOnTheWay(reader, baseTree, path, !changes.deletes(path));
                }
            }
            ObjectId newTree = applyChanges(reader, inserter, baseTree, changes);
            List<String> changed = changedPaths(reader, baseTree, newTree);
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(newTree);
            if (base != null) {
                commit.setParentId(base);
            }
            PersonIdent person = new PersonIdent(details.authorName(), details.authorEmail(), Instant.now(),
                    ZoneId.systemDefault());
            commit.setAuthor(person);
            commit.setCommitter(person);
            commit.setMessage(details.message());
            if (details.signer() != null) {
                byte[] signature = details.signer().sign(commit.build());
                commit.setGpgSignature(new GpgSignature(signature));
            }
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            moveLocalBranch(base, id);
            head = id;
            return Optional.of(new LocalCommit(id.name(), base == null ? null : base.name(), changed, source, details));
        } catch (IOException e) {
            throw new FluxbootException("cannot commit to the local copy of branch \"" + branch + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a path whose folders (and, with {@code includingLast}, the path itself) are not real
     * folders of the tree: a symbolic link or a submodule would be replaced (or written through,
     * or read from elsewhere) without a word, and a file where a folder is needed would be
     * replaced by the folder.
     */
    private void refuseLinksOnTheWay(ObjectReader reader, RevTree tree, String path, boolean includingLast)
            throws IOException {
        String[] segments = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            prefix.append(i == 0 ? "" : "/").append(segments[i]);
            boolean last = i == segments.length - 1;
            if (last && !includingLast) {
                return;
            }
            try (TreeWalk walk = TreeWalk.forPath(reader, prefix.toString(), tree)) {
                if (walk == null) {
                    return; // nothing there, nor below
                }
                int type = walk.getFileMode(0).getBits() & FileMode.TYPE_MASK;
                if (type == FileMode.TYPE_SYMLINK || type == FileMode.TYPE_GITLINK) {
                    throw notAFolderOrFile(prefix.toString(), type);
                }
                if (type == FileMode.TYPE_FILE && !last) {
                    throw new FluxbootException("\"" + prefix + "\" is a file in branch \"" + branch + "\" of "
                            + remote.url() + ", but " + path + " needs it to be a folder: move the file, or choose"
                            + " another --path");
                }
            }
        }
    }

    private FluxbootException notAFolderOrFile(String path, int type) {
        String what = type == FileMode.TYPE_SYMLINK ? "a symbolic link" : "a submodule";
        return new FluxbootException("\"" + path + "\" is " + what + " in branch \"" + branch + "\" of " + remote.url()
                + "; fluxboot reads and writes only real folders and files there, and does not replace "
                + (type == FileMode.TYPE_SYMLINK ? "links" : "submodules")
                + ": replace it with what it points to, or choose another --path");
    }

    private static ObjectId applyChanges(ObjectReader reader, ObjectInserter inserter, RevTree baseTree,
                                         ChangeSet changes) throws IOException {
        DirCache index = baseTree == null ? DirCache.newInCore() : DirCache.read(reader, baseTree);
        DirCacheEditor editor = index.editor();
        for (Map.Entry<String, Optional<byte[]>> change : changes.entries().entrySet()) {
            String path = change.getKey();
            if (change.getValue().isPresent()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, change.getValue().get());
                editor.add(new DirCacheEditor.PathEdit(path) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        // Keep an executable bit a user set; anything else becomes a regular file.
                        if (entry.getFileMode() != FileMode.EXECUTABLE_FILE) {
                            entry.setFileMode(FileMode.REGULAR_FILE);
                        }
                        entry.setObjectId(blob);
                    }
                });
            } else {
                editor.add(new DirCacheEditor.DeletePath(path));
            }
        }
        editor.finish();
        return index.writeTree(inserter);
    }

    private static List<String> changedPaths(ObjectReader reader, RevTree baseTree, ObjectId newTree) throws IOException {
        List<String> paths = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.setRecursive(true);
            if (baseTree == null) {
                walk.addTree(new EmptyTreeIterator());
            } else {
                walk.addTree(baseTree);
            }
            walk.addTree(newTree);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        return paths;
    }

    private void moveLocalBranch(ObjectId expected, ObjectId id) throws IOException {
        RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
        update.disableRefLog();
        update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
        update.setNewObjectId(id);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
            throw new IOException("local branch update " + result);
        }
    }

    /**
     * Pushes a commit made by {@link #commit}. When the remote refuses it because the branch
     * moved meanwhile, fetches the new tip, makes the commit again from the same change source
     * and pushes again, up to {@link #PUSH_RETRIES} times; when the changes are already there
     * after such a fetch, nothing is pushed.
     *
     * @throws FluxbootException when the push is refused for another reason, or the branch kept moving
     */
    public PushResult push(LocalCommit commit) {
        Objects.requireNonNull(commit, "commit");
        LocalCommit current = commit;
        for (int attempt = 1; ; attempt++) {
            Optional<String> rejection = pushOnce(current);
            if (rejection.isEmpty()) {
                return new PushResult(current.id(), true, attempt);
            }
            ObjectId pushedOn = current.parent() == null ? null : ObjectId.fromString(current.parent());
            refresh();
            if (Objects.equals(head, pushedOn)) {
                // The branch did not move: retrying cannot help (protected branch, hook, permissions).
                throw new FluxbootException(transports.redactor().redact("pushing to branch \"" + branch + "\" of "
                        + remote.url() + " was rejected: " + rejection.get()));
            }
            if (attempt > PUSH_RETRIES) {
                throw new FluxbootException("pushing to branch \"" + branch + "\" of " + remote.url()
                        + " failed: the branch changed on the remote during each of " + attempt
                        + " attempts; try again later");
            }
            reporter.waiting("git conflict detected, retrying with a fresh clone");
            Optional<LocalCommit> again = commit(current.source(), current.details());
            if (again.isEmpty()) {
                return new PushResult(head.name(), false, attempt);
            }
            current = again.get();
        }
    }

    /** {@link #commit} then {@link #push}; empty when there was nothing to commit. */
    public Optional<PushResult> commitAndPush(ChangeSource source, CommitDetails details) {
        return commit(source, details).map(this::push);
    }

    /** Pushes once; empty on success, else the reason the remote gave. */
    private Optional<String> pushOnce(LocalCommit commit) {
        String ref = Constants.R_HEADS + branch;
        ObjectId expected = commit.parent() == null ? ObjectId.zeroId() : ObjectId.fromString(commit.parent());
        org.eclipse.jgit.transport.PushResult result;
        try (Transport transport = transports.open(repository)) {
            RemoteRefUpdate update = new RemoteRefUpdate(repository, commit.id(), ObjectId.fromString(commit.id()),
                    ref, false, null, expected);
            result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
        } catch (IOException | RuntimeException e) {
            throw transports.failure("pushing branch \"" + branch + "\" to", e);
        }
        RemoteRefUpdate update = result.getRemoteUpdate(ref);
        if (update == null) {
            throw new FluxbootException("pushing branch \"" + branch + "\" to " + remote.url() + " gave no result");
        }
        return switch (update.getStatus()) {
            case OK, UP_TO_DATE -> Optional.empty();
            case REJECTED_NONFASTFORWARD -> Optional.of("non-fast-forward");
            case REJECTED_REMOTE_CHANGED -> Optional.of("the branch changed on the remote");
            case REJECTED_OTHER_REASON -> Optional.of(update.getMessage() == null ? "rejected" : update.getMessage());
            default -> throw new FluxbootException(transports.redactor().redact("pushing branch \"" + branch + "\" to "
                    + remote.url() + " failed: " + update.getStatus()
                    + (update.getMessage() == null ? "" : " " + update.getMessage())));
        };
    }

    /**
     * The changes from {@code from} (a commit of this copy, e.g. the fetched tip; empty for the
     * empty tree) to {@link #head()} as a unified diff, 3 lines of context, a
     * {@code diff --git a/path b/path} section per file; "" when there is none.
     */
    public String diff(Optional<String> from) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.eclipse.jgit.diff.DiffFormatter formatter = new org.eclipse.jgit.diff.DiffFormatter(out)) {
            formatter.setRepository(repository);
            formatter.setContext(3);
            formatter.setDiffAlgorithm(new org.eclipse.jgit.diff.HistogramDiff());
            formatter.format(from.map(ObjectId::fromString).orElse(null), head);
            formatter.flush();
        } catch (IOException e) {
            throw new FluxbootException("cannot compare the local copy of branch \"" + branch + "\": " + e.getMessage(), e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The local bare repository, for tests in this package. */
    Repository repository() {
        return repository;
    }

    @Override
    public void close() {
        transports.close();
        repository.close();
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path root) {
        ScratchSpace.delete(root);
    }
}
