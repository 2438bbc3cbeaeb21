package dev.fluxboot.git;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Test access to the whole tree of a fetched branch, which {@link TreeReader} does not list: the
 * Flux controller simulator ({@code dev.fluxboot.testing.flux}) needs it to build its artifact
 * and to check a Kustomization's {@code spec.path} the way kustomize-controller does.
 */
public final class FetchedTrees {

    private FetchedTrees() {
    }

    /** Every file at the branch's {@link RemoteBranch#head()} (path to content); empty for a new history. */
    public static SortedMap<String, byte[]> files(RemoteBranch branch) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (branch.head().isEmpty()) {
            return Collections.unmodifiableSortedMap(files);
        }
        Repository repository = branch.repository();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(branch.head().get())).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (tree.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                    continue; // a submodule: not part of an artifact
                }
                files.put(tree.getPathString(), repository.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableSortedMap(files);
    }
}
