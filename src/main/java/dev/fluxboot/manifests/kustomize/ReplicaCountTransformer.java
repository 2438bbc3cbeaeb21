package dev.fluxboot.manifests.kustomize;

import dev.fluxboot.FluxbootException;
import java.util.List;

/**
 * One {@code replicas:} entry: {@code spec.replicas} (created) of the Deployments,
 * ReplicationControllers, ReplicaSets and StatefulSets now or once called {@code name}. An entry
 * that matches none of them is an error, as in kustomize.
 */
final class ReplicaCountTransformer {

    private final String where;
    private final String name;
    private final long count;

    ReplicaCountTransformer(String where, String name, long count) {
        this.where = where;
        this.name = name;
        this.count = count;
    }

    void apply(List<Resource> resources) {
        boolean found = false;
        for (FieldSpec spec : BuiltinFieldSpecs.replicas()) {
            for (Resource resource : resources) {
                if (calledByKind(resource, spec)) {
                    found = true;
                    FieldSpecWalker.apply(resource, spec, FieldSpecWalker.Create.SCALAR, value -> count);
                }
            }
        }
        if (!found) {
            throw new FluxbootException(where + ": no Deployment, ReplicationController, ReplicaSet or StatefulSet"
                    + " is called " + name + "; fix the name or remove the entry");
        }
    }

    /** Whether the current or a stored id has the name and a kind the spec selects. */
    private boolean calledByKind(Resource resource, FieldSpec spec) {
        if (resource.name().equals(name) && spec.selects(resource)) {
            return true;
        }
        for (Resource.PreviousId id : resource.previousIds()) {
            if (id.name().equals(name) && spec.selects(resource.group(), resource.version(), id.kind())) {
                return true;
            }
        }
        return false;
    }
}
