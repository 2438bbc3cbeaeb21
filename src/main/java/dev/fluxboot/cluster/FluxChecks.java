package dev.fluxboot.cluster;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.ui.Reporter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of {@code check}: each reports {@code ✔}/{@code ✗} lines as the Flux CLI prints them
 * and returns whether it passed, and goes on past a failure so that one run shows every problem.
 */
public final class FluxChecks {

    /** What installing Flux creates at cluster scope: verb, API group, resource. */
    private static final List<List<String>> INSTALL_PERMISSIONS = List.of(
            List.of("create", "apiextensions.k8s.io", "customresourcedefinitions"),
            List.of("create", "rbac.authorization.k8s.io", "clusterroles"),
            List.of("create", "", "namespaces"));

    private static final String SELECTOR = FluxCrds.PART_OF_LABEL + "=flux";

    private final Cluster cluster;
    private final Reporter reporter;
    /** What the controllers' shared timeout is measured by. */
    private final Clock clock;
    /** The server did not answer its version: every further question would fail the same way. */
    private boolean unreachable;

    public FluxChecks(Cluster cluster, Reporter reporter) {
        this(cluster, reporter, Clock.systemUTC());
    }

    public FluxChecks(Cluster cluster, Reporter reporter, Clock clock) {
        this.cluster = cluster;
        this.reporter = reporter;
        this.clock = clock;
    }

    /**
     * {@code check --pre}: the cluster answers, its Kubernetes is one Flux {@code fluxVersion}
     * supports, and the user may create what an installation creates.
     */
    public boolean prerequisites(String fluxVersion) {
        reporter.action("checking prerequisites");
        Optional<String> reported = serverVersion();
        if (reported.isEmpty()) {
            return false; // an unreachable cluster: nothing more to ask it
        }
        boolean versionOk = versionMatches(reported.get(), fluxVersion);
        return permissions() && versionOk;
    }

    /** The rest of {@code check}: the Flux version in the cluster, its controllers and its CRDs. */
    public boolean installation(String namespace, Duration timeout) {
        if (unreachable) {
            return false; // said once by the prerequisites: the same line for every check is noise
        }
        reporter.action("checking version in cluster");
        boolean ok = fluxVersion();
        reporter.action("checking controllers");
        List<String> controllers = new ArrayList<>();
        ok &= controllers(namespace, timeout, controllers);
        reporter.action("checking crds");
        ok &= crds(controllers);
        return ok;
    }

    /** {@code ✔ Kubernetes 1.33.1 >=1.33.0-0}, or {@code ✗} naming the version found and the one needed. */
    public boolean kubernetesVersion(String fluxVersion) {
        return serverVersion().map(reported -> versionMatches(reported, fluxVersion)).orElse(false);
    }

    private Optional<String> serverVersion() {
        try {
            return Optional.of(cluster.serverVersion());
        } catch (FluxbootException e) {
            reporter.failure("Kubernetes API call failed: " + e.getMessage());
            unreachable = true;
            return Optional.empty();
        }
    }

    private boolean versionMatches(String reported, String fluxVersion) {
        Optional<KubernetesVersion> version = KubernetesVersion.parse(reported);
        if (version.isEmpty()) {
            reporter.failure("Kubernetes version can't be determined (the server reports '" + reported + "')");
            return false;
        }
        Optional<KubernetesVersionRequirement> requirement = KubernetesVersionRequirement.forFlux(fluxVersion);
        if (requirement.isEmpty()) {
            reporter.failure("Kubernetes " + version.get().text() + ": no known requirement for Flux " + fluxVersion
                    + " (not a Flux 2 release)");
            return false;
        }
        if (!requirement.get().isMetBy(version.get())) {
            reporter.failure("Kubernetes version " + reported + " does not match " + requirement.get().constraint()
                    + " (Flux " + fluxVersion + " needs Kubernetes " + requirement.get().minimum() + " or newer)");
            return false;
        }
        reporter.success("Kubernetes " + version.get().text() + " " + requirement.get().constraint());
        return true;
    }

    /** Whether the user may create CRDs, ClusterRoles and Namespaces, one line each. */
    public boolean permissions() {
        boolean ok = true;
        for (List<String> permission : INSTALL_PERMISSIONS) {
            String verb = permission.get(0);
            String resource = permission.get(1).isEmpty() ? permission.get(2) : permission.get(2) + "." + permission.get(1);
            try {
                if (cluster.allowed(verb, permission.get(1), permission.get(2))) {
                    reporter.success("can " + verb + " " + resource);
                } else {
                    reporter.failure("cannot " + verb + " " + resource
                            + " (installing Flux does: use a cluster-admin kubeconfig user)");
                    ok = false;
                }
            } catch (FluxbootException e) {
                reporter.failure("cannot tell whether the user may " + verb + " " + resource + ": " + e.getMessage());
                ok = false;
            }
        }
        return ok;
    }

    /** {@code ✔ distribution: flux-v2.8.0} and {@code ✔ bootstrapped: false}, from the GitRepository CRD. */
    public boolean fluxVersion() {
        Optional<FluxClusterInfo> info;
        try {
            info = FluxClusterInfo.read(cluster);
        } catch (FluxbootException e) {
            reporter.failure("checking failed: " + e.getMessage());
            return false;
        }
        if (info.isEmpty()) {
            reporter.failure("checking failed: CustomResourceDefinition " + FluxClusterInfo.GIT_REPOSITORY_CRD
                    + " not found");
            return false;
        }
        info.get().distribution().ifPresent(distribution -> reporter.success("distribution: " + distribution));
        if (info.get().bootstrapped()) {
            reporter.success("bootstrapped: true" + bootstrapSource(info.get().bootstrapKustomization().get())
                    .map(source -> " (from " + source + ")").orElse(""));
        } else {
            reporter.success("bootstrapped: false");
        }
        return true;
    }

    /** {@code GitRepository flux-system/flux-system}: the source of the Kustomization that applies Flux. */
    private Optional<String> bootstrapSource(String kustomization) {
        String namespace = kustomization.substring(0, kustomization.indexOf('/'));
        String name = kustomization.substring(kustomization.indexOf('/') + 1);
        try {
            return FluxCrds.get(cluster, "kustomizations.kustomize.toolkit.fluxcd.io")
                    .flatMap(crd -> cluster.get(FluxCrds.typeOf(crd), namespace, name))
                    .flatMap(object -> {
                        Map<String, Object> sourceRef = Fields.map(object, "spec", "sourceRef");
                        Optional<String> kind = Fields.text(sourceRef, "kind");
                        Optional<String> sourceName = Fields.text(sourceRef, "name");
                        String sourceNamespace = Fields.text(sourceRef, "namespace").orElse(namespace);
                        return kind.isPresent() && sourceName.isPresent()
                                ? Optional.of(kind.get() + " " + sourceNamespace + "/" + sourceName.get())
                                : Optional.empty();
                    });
        } catch (FluxbootException e) {
            return Optional.empty(); // the source is a detail: bootstrapped is known without it
        }
    }

    /**
     * Each Flux controller Deployment in {@code namespace}: ready within {@code timeout} (one
     * deadline for all), and its images.
     *
     * @param found receives the names of the Deployments found
     */
    public boolean controllers(String namespace, Duration timeout, List<String> found) {
        List<Map<String, Object>> deployments;
        try {
            deployments = cluster.list(ResourceType.DEPLOYMENT, namespace, FluxCrds.FLUX_SELECTOR);
        } catch (FluxbootException e) {
            reporter.failure("checking controllers failed: " + e.getMessage());
            return false;
        }
        if (deployments.isEmpty()) {
            reporter.failure("no controllers found in the '" + namespace + "' namespace with the label selector '"
                    + SELECTOR + "'");
            return false;
        }
        Instant deadline = clock.instant().plus(timeout);
        boolean ok = true;
        for (Map<String, Object> deployment : deployments.stream()
                .sorted((a, b) -> Fields.name(a).compareTo(Fields.name(b))).toList()) {
            String name = Fields.name(deployment);
            found.add(name);
            Duration left = Duration.between(clock.instant(), deadline);
            try {
                cluster.waitForDeployments(namespace, List.of(name), left.isNegative() ? Duration.ZERO : left, reporter);
            } catch (FluxbootException e) {
                ok = false; // reported by the wait, with the reason from the Deployment's status
            }
            for (Object container : Fields.list(deployment, "spec", "template", "spec", "containers")) {
                if (container instanceof Map<?, ?> map && map.get("image") != null) {
                    reporter.action(String.valueOf(map.get("image")));
                }
            }
        }
        return ok;
    }

    /**
     * Each Flux CRD and the version it is stored in ({@code ✔ gitrepositories.source.toolkit.fluxcd.io/v1}),
     * then the CRDs the controllers serve that are not there.
     */
    public boolean crds(List<String> controllers) {
        List<Map<String, Object>> crds;
        Optional<String> fluxVersion;
        try {
            crds = FluxCrds.list(cluster);
            fluxVersion = crds.stream().map(crd -> Fields.labels(crd).get("app.kubernetes.io/version"))
                    .filter(v -> v != null && !v.isBlank()).findFirst();
        } catch (FluxbootException e) {
            reporter.failure("checking crds failed: " + e.getMessage());
            return false;
        }
        boolean ok = true;
        if (crds.isEmpty()) {
            reporter.failure("no crds found with the label selector '" + SELECTOR + "'");
            ok = false;
        }
        Set<String> present = new TreeSet<>();
        for (Map<String, Object> crd : crds) {
            String name = Fields.name(crd);
            present.add(name);
            List<Object> stored = Fields.list(crd, "status", "storedVersions");
            if (stored.isEmpty()) {
                reporter.failure("no stored versions for " + name);
                ok = false;
            } else {
                reporter.success(name + "/" + stored.get(stored.size() - 1));
            }
        }
        Map<String, String> missing = new LinkedHashMap<>();
        for (String controller : controllers) {
            for (String crd : FluxControllerCrds.of(controller, fluxVersion)) {
                if (!present.contains(crd)) {
                    missing.putIfAbsent(crd, controller);
                }
            }
        }
        missing.forEach((crd, controller) -> reporter.failure(crd + " not found (" + controller + " needs it)"));
        return ok && missing.isEmpty();
    }
}
