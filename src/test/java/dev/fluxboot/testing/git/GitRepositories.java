package dev.fluxboot.testing.git;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Bare repositories for the test Git servers, under one temp directory, named like
 * {@code org/repo} (served as {@code /org/repo.git}). Also writes and reads commits directly,
 * for test setup and for simulating someone else's push.
 */
public final class GitRepositories implements AutoCloseable {

    private final Path root;
    private final Map<String, Repository> repositories = new ConcurrentHashMap<>();

    public GitRepositories() {
        try {
            this.root = Files.createTempDirectory("fluxboot-test-repos-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty bare repository {@code org/repo}. */
    public Repository create(String name) {
        String key = normalize(name);
        return repositories.computeIfAbsent(key, k -> {
            try {
                Repository repository = FileRepositoryBuilder.create(root.resolve(k + ".git").toFile());
                repository.create(true);
                repository.getConfig().setInt("gc", null, "auto", 0);
                repository.getConfig().setBoolean("receive", null, "autogc", false);
                repository.getConfig().save();
                return repository;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The repository a request path such as {@code /org/repo.git} names, if it was created. */
    public Optional<Repository> find(String requestPath) {
        return Optional.ofNullable(repositories.get(normalize(requestPath)));
    }

    /** The names of the repositories created so far ({@code org/repo}), sorted. */
    public List<String> names() {
        return repositories.keySet().stream().sorted().toList();
    }

    public Repository get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no repository " + name));
    }

    static String normalize(String name) {
        String n = name.strip();
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        if (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.endsWith(".git")) {
            n = n.substring(0, n.length() - 4);
        }
        return n;
    }

    /**
     * Commits on top of {@code branch} (or starts it): each entry writes a file, a {@code null}
     * value deletes it.
     */
    public synchronized ObjectId commit(String name, String branch, Map<String, String> files, String message) {
        return commit(name, branch, files, FileMode.REGULAR_FILE, message);
    }

    /** Commits symbolic links on top of {@code branch} (or starts it): path to the link's target. */
    public synchronized ObjectId commitLinks(String name, String branch, Map<String, String> links, String message) {
        return commit(name, branch, links, FileMode.SYMLINK, message);
    }

    private ObjectId commit(String name, String branch, Map<String, String> files, FileMode mode, String message) {
        Repository repository = get(name);
        try (ObjectInserter inserter = repository.newObjectInserter();
             ObjectReader reader = inserter.newReader();
             RevWalk walk = new RevWalk(reader)) {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            RevCommit parent = ref == null ? null : walk.parseCommit(ref.getObjectId());
            DirCache index = parent == null ? DirCache.newInCore() : DirCache.read(reader, parent.getTree());
            DirCacheEditor editor = index.editor();
            for (Map.Entry<String, String> file : files.entrySet()) {
                if (file.getValue() == null) {
                    editor.add(new DirCacheEditor.DeletePath(file.getKey()));
                } else {
                    ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8));
                    editor.add(new DirCacheEditor.PathEdit(file.getKey()) {
                        @Override
                        public void apply(DirCacheEntry entry) {
                            entry.setFileMode(mode);
                            entry.setObjectId(blob);
                        }
                    });
                }
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (parent != null) {
                commit.setParentId(parent);
            }
            PersonIdent someone = new PersonIdent("Someone Else", "someone@example.com");
            commit.setAuthor(someone);
            commit.setCommitter(someone);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
            update.setNewObjectId(id);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IllegalStateException("cannot move " + branch + ": " + result);
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ObjectId> tip(String name, String branch) {
        try {
            Ref ref = get(name).exactRef(Constants.R_HEADS + branch);
            return Optional.ofNullable(ref).map(Ref::getObjectId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> readFile(String name, String branch, String path) {
        Repository repository = get(name);
        Optional<ObjectId> tip = tip(name, branch);
        if (tip.isEmpty()) {
            return Optional.empty();
        }
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            try (TreeWalk treeWalk = TreeWalk.forPath(reader, path, walk.parseCommit(tip.get()).getTree())) {
                if (treeWalk == null) {
                    return Optional.empty();
                }
                return Optional.of(new String(reader.open(treeWalk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits of the branch, newest first. */
    public List<RevCommit> log(String name, String branch) {
        Repository repository = get(name);
        List<RevCommit> commits = new ArrayList<>();
        Optional<ObjectId> tip = tip(name, branch);
        if (tip.isEmpty()) {
            return commits;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(tip.get()));
            for (RevCommit commit : walk) {
                commits.add(commit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commits;
    }

    /** All file paths at the branch's tip. */
    public List<String> files(String name, String branch) {
        Repository repository = get(name);
        List<String> paths = new ArrayList<>();
        Optional<ObjectId> tip = tip(name, branch);
        if (tip.isEmpty()) {
            return paths;
        }
        try (RevWalk walk = new RevWalk(repository); TreeWalk treeWalk = new TreeWalk(repository)) {
            treeWalk.addTree(walk.parseCommit(tip.get()).getTree());
            treeWalk.setRecursive(true);
            while (treeWalk.next()) {
                paths.add(treeWalk.getPathString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    @Override
    public void close() {
        repositories.values().forEach(Repository::close);
        repositories.clear();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftover temp files are harmless
        }
    }
}
