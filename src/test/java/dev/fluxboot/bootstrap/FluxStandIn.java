package dev.fluxboot.bootstrap;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Plays source-controller, kustomize-controller and kube-controller-manager for one namespace on
 * the test API server (which runs no controllers), until the shared {@code testing/flux}
 * simulator replaces it.
 * <ul>
 *   <li>source-controller: reads the GitRepository {@code <ns>/<ns>} and the Secret it names, and
 *       asks the Git server for the branch's tip with the git CLI and OpenSSH, using only the
 *       Secret's {@code identity} and {@code known_hosts} (or {@code username}/{@code password},
 *       {@code bearerToken}, {@code ca.crt}): a key without access or a wrong host key fails as it
 *       would in a cluster. It writes {@code Ready} and {@code status.artifact.revision}.</li>
 *   <li>kustomize-controller: once the source has a revision, writes the Kustomization's
 *       {@code lastAttemptedRevision}, {@code lastAppliedRevision}, {@code observedGeneration} and {@code Ready}.</li>
 *   <li>kube-controller-manager: marks every Deployment of the namespace available.</li>
 * </ul>
 * Fault modes: {@link #failKustomization(String)} ({@code Ready=False}), {@link #pause()} (nothing answers).
 */
final class FluxStandIn implements AutoCloseable {

    private static final String SOURCE_API = "source.toolkit.fluxcd.io/v1";
    private static final String KUSTOMIZE_API = "kustomize.toolkit.fluxcd.io/v1";

    private final KubernetesClient client;
    private final String namespace;
    private final Path work;
    private final ScheduledExecutorService executor;
    private final AtomicReference<String> kustomizationFailure = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile boolean paused;
    private volatile String lastSourceInput = "";
    private volatile long lastFetch;

    FluxStandIn(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
        try {
            this.work = Files.createTempDirectory("flux-stand-in-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "flux-stand-in-" + namespace);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::reconcileQuietly, 0, 150, TimeUnit.MILLISECONDS);
    }

    /** kustomize-controller reports {@code Ready=False} with this message from now on. */
    FluxStandIn failKustomization(String message) {
        kustomizationFailure.set(message);
        return this;
    }

    /** No controller writes any status until {@link #resume()}. */
    FluxStandIn pause() {
        paused = true;
        return this;
    }

    FluxStandIn resume() {
        paused = false;
        return this;
    }

    /** How often source-controller asked the Git server. */
    int fetches() {
        return fetches.get();
    }

    private void reconcileQuietly() {
        if (paused) {
            return;
        }
        try {
            markDeploymentsAvailable();
            Optional<String> revision = reconcileSource();
            revision.ifPresent(this::reconcileKustomization);
        } catch (KubernetesClientException | IllegalStateException notThereYetOrConflict) {
            // the next round tries again
        } catch (RuntimeException e) {
            System.err.println("flux stand-in: " + e);
        }
    }

    private Optional<String> reconcileSource() {
        GenericKubernetesResource repository = get(SOURCE_API, "GitRepository");
        if (repository == null) {
            return Optional.empty();
        }
        Map<String, Object> spec = map(repository.getAdditionalProperties().get("spec"));
        String url = String.valueOf(spec.get("url"));
        String branch = String.valueOf(map(spec.get("ref")).get("branch"));
        String secretName = String.valueOf(map(spec.get("secretRef")).get("name"));
        Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
        String input = url + "|" + branch + "|" + repository.getMetadata().getGeneration() + "|"
                + (secret == null ? "none" : secret.getMetadata().getResourceVersion());
        long now = System.currentTimeMillis();
        Map<String, Object> status = map(repository.getAdditionalProperties().get("status"));
        // A controller polls at its interval; this one asks when its input changed, else once a second.
        if (input.equals(lastSourceInput) && now - lastFetch < 1000 && !status.isEmpty()) {
            return Optional.ofNullable(map(status.get("artifact")).get("revision")).map(String::valueOf);
        }
        lastSourceInput = input;
        lastFetch = now;
        fetches.incrementAndGet();
        GitAnswer answer = lsRemote(url, branch, secret == null ? Map.of() : decode(secret));
        if (Thread.currentThread().isInterrupted()) {
            return Optional.empty(); // stopping: a real controller would not report its own shutdown as a failure
        }
        Map<String, Object> newStatus = new LinkedHashMap<>();
        newStatus.put("observedGeneration", repository.getMetadata().getGeneration());
        if (answer.sha().isPresent()) {
            String revision = branch + "@sha1:" + answer.sha().get();
            newStatus.put("artifact", Map.of("revision", revision, "path", "gitrepository/x.tar.gz",
                    "url", "http://source-controller/x.tar.gz", "digest", "sha256:0",
                    "lastUpdateTime", Instant.now().toString()));
            newStatus.put("conditions", List.of(condition("True", "Succeeded", "stored artifact for revision '"
                    + revision + "'")));
            if (!sameSourceStatus(status, newStatus)) {
                writeStatus(repository, newStatus);
            }
            return Optional.of(revision);
        }
        Object previousArtifact = status.get("artifact");
        if (previousArtifact != null) {
            newStatus.put("artifact", previousArtifact);
        }
        newStatus.put("conditions", List.of(condition("False", "GitOperationFailed",
                "failed to checkout and determine revision: " + answer.error())));
        if (!sameSourceStatus(status, newStatus)) {
            writeStatus(repository, newStatus);
        }
        return Optional.empty();
    }

    /** A controller does not rewrite a status that says the same (timestamps aside). */
    private static boolean sameSourceStatus(Map<String, Object> current, Map<String, Object> wanted) {
        return String.valueOf(current.get("observedGeneration")).equals(String.valueOf(wanted.get("observedGeneration")))
                && String.valueOf(map(current.get("artifact")).get("revision"))
                        .equals(String.valueOf(map(wanted.get("artifact")).get("revision")))
                && sameReady(current, wanted);
    }

    private static boolean sameReady(Map<String, Object> current, Map<String, Object> wanted) {
        if (!(current.get("conditions") instanceof List<?> list) || list.isEmpty()) {
            return false;
        }
        Map<String, Object> ready = map(list.get(0));
        Map<String, Object> wantedReady = map(((List<?>) wanted.get("conditions")).get(0));
        return String.valueOf(ready.get("status")).equals(wantedReady.get("status"))
                && String.valueOf(ready.get("message")).equals(wantedReady.get("message"));
    }

    private void reconcileKustomization(String revision) {
        GenericKubernetesResource kustomization = get(KUSTOMIZE_API, "Kustomization");
        if (kustomization == null) {
            return;
        }
        Map<String, Object> status = map(kustomization.getAdditionalProperties().get("status"));
        Long generation = kustomization.getMetadata().getGeneration();
        String failure = kustomizationFailure.get();
        Map<String, Object> newStatus = new LinkedHashMap<>();
        newStatus.put("observedGeneration", generation);
        newStatus.put("lastAttemptedRevision", revision);
        if (failure != null) {
            if (status.get("lastAppliedRevision") != null) {
                newStatus.put("lastAppliedRevision", status.get("lastAppliedRevision"));
            }
            newStatus.put("conditions", List.of(condition("False", "BuildFailed", failure)));
        } else {
            newStatus.put("lastAppliedRevision", revision);
            newStatus.put("conditions", List.of(condition("True", "ReconciliationSucceeded",
                    "Applied revision: " + revision)));
        }
        if (sameStatus(status, newStatus)) {
            return;
        }
        writeStatus(kustomization, newStatus);
    }

    private static boolean sameStatus(Map<String, Object> current, Map<String, Object> wanted) {
        for (String key : List.of("observedGeneration", "lastAttemptedRevision", "lastAppliedRevision")) {
            if (!String.valueOf(current.get(key)).equals(String.valueOf(wanted.get(key)))) {
                return false;
            }
        }
        return sameReady(current, wanted);
    }

    private void markDeploymentsAvailable() {
        for (Deployment deployment : client.apps().deployments().inNamespace(namespace).list().getItems()) {
            Long generation = deployment.getMetadata().getGeneration();
            if (deployment.getStatus() != null && generation.equals(deployment.getStatus().getObservedGeneration())) {
                continue;
            }
            deployment.setStatus(new DeploymentStatusBuilder()
                    .withObservedGeneration(generation)
                    .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1)
                    .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True")
                            .withReason("MinimumReplicasAvailable").build())
                    .build());
            client.apps().deployments().inNamespace(namespace).resource(deployment).updateStatus();
        }
    }

    private GenericKubernetesResource get(String apiVersion, String kind) {
        try {
            return client.genericKubernetesResources(apiVersion, kind).inNamespace(namespace).withName(namespace).get();
        } catch (KubernetesClientException e) {
            return null; // the CRD is not there yet
        }
    }

    private void writeStatus(GenericKubernetesResource object, Map<String, Object> status) {
        object.getAdditionalProperties().put("status", status);
        client.genericKubernetesResources(object.getApiVersion(), object.getKind()).inNamespace(namespace)
                .resource(object).updateStatus();
    }

    private static Map<String, Object> condition(String status, String reason, String message) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", "Ready");
        condition.put("status", status);
        condition.put("reason", reason);
        condition.put("message", message);
        condition.put("lastTransitionTime", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"));
        return condition;
    }

    private record GitAnswer(Optional<String> sha, String error) {
    }

    /** {@code git ls-remote} with nothing but what the Secret holds. */
    private GitAnswer lsRemote(String url, String branch, Map<String, String> secret) {
        try {
            Path dir = Files.createTempDirectory(work, "fetch-");
            Path home = Files.createDirectory(dir.resolve("home"));
            List<String> command = new ArrayList<>(List.of("git", "-c", "credential.helper=",
                    "-c", "protocol.version=2"));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("HOME", home.toString());
            env.put("GIT_TERMINAL_PROMPT", "0");
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("GIT_CONFIG_GLOBAL", "/dev/null");
            String target = url;
            if (url.startsWith("ssh://")) {
                Path identity = dir.resolve("identity");
                Files.writeString(identity, OpenSshFormat.readableByOpenSsh(secret.getOrDefault("identity", "")));
                Files.setPosixFilePermissions(identity, PosixFilePermissions.fromString("rw-------"));
                Path knownHosts = dir.resolve("known_hosts");
                Files.writeString(knownHosts, secret.getOrDefault("known_hosts", "") + "\n");
                env.put("GIT_SSH_COMMAND", "ssh -F /dev/null -i " + identity + " -o IdentitiesOnly=yes"
                        + " -o UserKnownHostsFile=" + knownHosts + " -o GlobalKnownHostsFile=/dev/null"
                        + " -o StrictHostKeyChecking=yes -o BatchMode=yes -o ConnectTimeout=10");
            } else {
                if (secret.containsKey("ca.crt")) {
                    Path ca = dir.resolve("ca.crt");
                    Files.writeString(ca, secret.get("ca.crt"));
                    env.put("GIT_SSL_CAINFO", ca.toString());
                }
                if (secret.containsKey("bearerToken")) {
                    command.addAll(List.of("-c", "http.extraHeader=Authorization: Bearer " + secret.get("bearerToken")));
                } else if (secret.containsKey("username") && secret.containsKey("password")) {
                    String basic = Base64.getEncoder().encodeToString((secret.get("username") + ":" + secret.get("password"))
                            .getBytes(StandardCharsets.UTF_8));
                    command.addAll(List.of("-c", "http.extraHeader=Authorization: Basic " + basic));
                }
            }
            command.addAll(List.of("ls-remote", target, "refs/heads/" + branch));
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false);
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = process.waitFor(30, TimeUnit.SECONDS);
            deleteRecursively(dir);
            if (!done || process.exitValue() != 0 || out.isBlank()) {
                String reason = err.lines().filter(line -> !line.isBlank()).findFirst()
                        .orElse(out.isBlank() ? "branch '" + branch + "' not found" : "git failed");
                return new GitAnswer(Optional.empty(), reason);
            }
            return new GitAnswer(Optional.of(out.strip().split("\\s+")[0]), "");
        } catch (IOException e) {
            return new GitAnswer(Optional.empty(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GitAnswer(Optional.empty(), "interrupted");
        }
    }

    private static Map<String, String> decode(Secret secret) {
        Map<String, String> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        return data;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            deleteRecursively(work);
        } catch (IOException | InterruptedException e) {
            // best effort for a temp dir
        }
    }
}
