package dev.fluxboot.manifests.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * The field specs kustomize v5 configures its built-in transformers with (its default transformer
 * configuration): where labels, template labels, selectors, annotations and replica counts go.
 */
final class BuiltinFieldSpecs {

    private static final String APPS = "apps";
    private static final String BATCH = "batch";
    private static final String[] AFFINITY_SELECTORS = {
        "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
        "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
        "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
        "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
        "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels",
    };

    private BuiltinFieldSpecs() {
    }

    /** {@code metadata/labels} everywhere and the labels of pod (and claim) templates, all created. */
    static List<FieldSpec> templateLabels() {
        return templateMetadata("labels", true);
    }

    /** {@link #templateLabels()} and the selectors that must follow the labels (kustomize's commonLabels). */
    static List<FieldSpec> commonLabels() {
        List<FieldSpec> specs = new ArrayList<>();
        specs.add(new FieldSpec("", "v1", "Service", "spec/selector", true));
        specs.add(new FieldSpec("", "v1", "ReplicationController", "spec/selector", true));
        specs.add(FieldSpec.ofKind("Deployment", "spec/selector/matchLabels", true));
        for (String path : AFFINITY_SELECTORS) {
            specs.add(new FieldSpec(APPS, "", "Deployment", path, false));
        }
        specs.add(FieldSpec.ofKind("ReplicaSet", "spec/selector/matchLabels", true));
        specs.add(FieldSpec.ofKind("DaemonSet", "spec/selector/matchLabels", true));
        specs.add(new FieldSpec(APPS, "", "StatefulSet", "spec/selector/matchLabels", true));
        for (String path : AFFINITY_SELECTORS) {
            specs.add(new FieldSpec(APPS, "", "StatefulSet", path, false));
        }
        specs.add(new FieldSpec(BATCH, "", "Job", "spec/selector/matchLabels", false));
        specs.add(new FieldSpec(BATCH, "", "CronJob", "spec/jobTemplate/spec/selector/matchLabels", false));
        specs.add(new FieldSpec("policy", "", "PodDisruptionBudget", "spec/selector/matchLabels", false));
        for (String path : List.of("spec/podSelector/matchLabels", "spec/ingress/from/podSelector/matchLabels",
                "spec/egress/to/podSelector/matchLabels")) {
            specs.add(new FieldSpec("networking.k8s.io", "", "NetworkPolicy", path, false));
        }
        specs.addAll(templateLabels());
        return specs;
    }

    /** {@code metadata/annotations} everywhere and the annotations of pod templates, all created. */
    static List<FieldSpec> commonAnnotations() {
        List<FieldSpec> specs = new ArrayList<>();
        specs.add(FieldSpec.any("metadata/annotations", true));
        specs.add(new FieldSpec("", "v1", "ReplicationController", "spec/template/metadata/annotations", true));
        for (String kind : List.of("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet")) {
            specs.add(FieldSpec.ofKind(kind, "spec/template/metadata/annotations", true));
        }
        specs.add(new FieldSpec(BATCH, "", "Job", "spec/template/metadata/annotations", true));
        specs.add(new FieldSpec(BATCH, "", "CronJob", "spec/jobTemplate/metadata/annotations", true));
        specs.add(new FieldSpec(BATCH, "", "CronJob", "spec/jobTemplate/spec/template/metadata/annotations", true));
        return specs;
    }

    /** {@code spec/replicas} of the workloads that have one, created. */
    static List<FieldSpec> replicas() {
        List<FieldSpec> specs = new ArrayList<>();
        for (String kind : List.of("Deployment", "ReplicationController", "ReplicaSet", "StatefulSet")) {
            specs.add(FieldSpec.ofKind(kind, "spec/replicas", true));
        }
        return specs;
    }

    private static List<FieldSpec> templateMetadata(String field, boolean create) {
        List<FieldSpec> specs = new ArrayList<>();
        specs.add(FieldSpec.any("metadata/" + field, create));
        specs.add(new FieldSpec("", "v1", "ReplicationController", "spec/template/metadata/" + field, create));
        specs.add(FieldSpec.ofKind("Deployment", "spec/template/metadata/" + field, create));
        specs.add(FieldSpec.ofKind("ReplicaSet", "spec/template/metadata/" + field, create));
        specs.add(FieldSpec.ofKind("DaemonSet", "spec/template/metadata/" + field, create));
        specs.add(new FieldSpec(APPS, "", "StatefulSet", "spec/template/metadata/" + field, create));
        specs.add(new FieldSpec(APPS, "", "StatefulSet", "spec/volumeClaimTemplates[]/metadata/" + field, create));
        specs.add(new FieldSpec(BATCH, "", "Job", "spec/template/metadata/" + field, create));
        specs.add(new FieldSpec(BATCH, "", "CronJob", "spec/jobTemplate/metadata/" + field, create));
        specs.add(new FieldSpec(BATCH, "", "CronJob", "spec/jobTemplate/spec/template/metadata/" + field, create));
        return specs;
    }
}
