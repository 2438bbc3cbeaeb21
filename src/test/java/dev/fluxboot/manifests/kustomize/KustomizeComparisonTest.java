package dev.fluxboot.manifests.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxboot.testing.RealKustomize;
import dev.fluxboot.testing.TestBundles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field fluxboot builds itself, against the real kustomize v5.6: for each folder of the
 * table, what {@link UserKustomization} builds and what {@code kustomize build} prints are the same
 * objects with the same fields (compared parsed, in id order, since kustomize sorts its output and
 * the order of accumulation is kept by fluxboot), generated names with their hash suffixes included.
 */
class KustomizeComparisonTest {

    private static final String LOCATION = "clusters/my-cluster/flux-system";

    @TempDir
    Path folder;

    static Stream<Arguments> folders() {
        return Stream.of(
                folder("commonLabels: metadata, templates and selectors of every kind kustomize knows",
                        "kustomization.yaml", """
                                resources: [workloads.yaml]
                                commonLabels:
                                  app.kubernetes.io/part-of: platform
                                  team: "42"
                                """,
                        "workloads.yaml", WORKLOADS),
                folder("labels: pairs only, with templates, with selectors, with own fields",
                        "kustomization.yaml", """
                                resources: [workloads.yaml]
                                labels:
                                - pairs: {owner: team-a}
                                - pairs: {tier: backend}
                                  includeTemplates: true
                                - pairs: {app: shop}
                                  includeSelectors: true
                                - pairs: {cost-center: cc-1}
                                  fields:
                                  - path: spec/template/spec/nodeSelector
                                    kind: Deployment
                                    create: true
                                  - path: spec/selector
                                    kind: Service
                                """,
                        "workloads.yaml", WORKLOADS),
                folder("commonAnnotations: metadata and pod templates, an IRSA role on the service account",
                        "kustomization.yaml", """
                                resources: [workloads.yaml]
                                commonAnnotations:
                                  eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/flux
                                  note: "true"
                                """,
                        "workloads.yaml", WORKLOADS),
                folder("namePrefix and nameSuffix with every kind of reference repaired",
                        "kustomization.yaml", """
                                namePrefix: team-
                                nameSuffix: -v1
                                resources: [workloads.yaml, references.yaml]
                                """,
                        "workloads.yaml", WORKLOADS,
                        "references.yaml", REFERENCES),
                folder("configMapGenerator: literals, files, envs, binary data, options, references to it",
                        "kustomization.yaml", """
                                resources: [app.yaml]
                                configMapGenerator:
                                - name: settings
                                  literals:
                                  - LOG_LEVEL=debug
                                  - QUOTED="a value"
                                  - SINGLE='single'
                                  - EMPTY=
                                  - EQUALS=a=b
                                  files:
                                  - config.json
                                  - renamed.txt=files/notes.txt
                                  envs: [app.env]
                                - name: legacy-env
                                  env: legacy.env
                                  namespace: apps
                                - name: binary
                                  files: [logo.bin]
                                  options:
                                    disableNameSuffixHash: true
                                - name: labelled
                                  literals: [A=1]
                                  options:
                                    labels: {team: a}
                                    annotations: {note: x}
                                    immutable: true
                                - name: empty
                                """,
                        "app.yaml", APP,
                        "config.json", "{\"html\": \"<b>&amp;</b>\", \"tab\": \"\t\", \"bell\": \"\b\f\u0001\"}\n",
                        "files/notes.txt", "first line\nsecond line\n",
                        "app.env", "\uFEFFKEY1=value1\n# a comment\n\n   KEY2 = spaced value  \r\nNOVALUE\n=skipped\nURL=https://x/?a=b\n",
                        "legacy.env", "FROM_ENV=yes\n",
                        "logo.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe, 10, 13, 0}),
                folder("secretGenerator: literals, files, envs, types, long values, references to it",
                        "kustomization.yaml", """
                                resources: [app.yaml]
                                secretGenerator:
                                - name: credentials
                                  literals:
                                  - username=admin
                                  - password="s3cr3t with spaces"
                                  - token=0123456789012345678901234567890123456789012345678901234567890123456789abcdef
                                  files: [tls.key]
                                  envs: [db.env]
                                - name: registry
                                  type: kubernetes.io/dockerconfigjson
                                  files: [.dockerconfigjson=docker.json]
                                - name: fixed
                                  literals: [key=value]
                                  options:
                                    disableNameSuffixHash: true
                                    labels: {kind: fixed}
                                - name: nothing
                                """,
                        "app.yaml", APP,
                        "tls.key", "-----BEGIN PRIVATE KEY-----\nMIIBVwIBADANBgkqhkiG9w0BAQEFAASCAUEwggE9AgEAAkEAq7BFUpkGp3+LQmlQ\n-----END PRIVATE KEY-----\n",
                        "db.env", "DB_USER=app\nDB_PASSWORD=hunter2\n",
                        "docker.json", "{\"auths\":{\"ghcr.io\":{\"auth\":\"dXNlcjpwYXNz\"}}}"),
                folder("generatorOptions: global labels, annotations and no hash, an entry's own labels winning",
                        "kustomization.yaml", """
                                generatorOptions:
                                  labels: {generated: "yes", team: global}
                                  annotations: {source: kustomize}
                                  disableNameSuffixHash: true
                                configMapGenerator:
                                - name: one
                                  literals: [A=1]
                                  options:
                                    labels: {team: own}
                                secretGenerator:
                                - name: two
                                  literals: [B=2]
                                  options:
                                    immutable: true
                                """),
                folder("behavior merge and replace over a base folder's generated and plain objects",
                        "kustomization.yaml", """
                                resources: [base]
                                namespace: apps
                                configMapGenerator:
                                - name: cm
                                  behavior: merge
                                  literals: [c=d, a=overridden]
                                  options:
                                    labels: {layer: overlay}
                                - name: plain
                                  behavior: merge
                                  literals: [w=v]
                                - name: fresh
                                  behavior: create
                                  literals: [n=1]
                                secretGenerator:
                                - name: s
                                  behavior: replace
                                  literals: [k2=v2]
                                """,
                        "base/kustomization.yaml", """
                                namePrefix: base-
                                resources: [plain.yaml, app.yaml]
                                configMapGenerator:
                                - name: cm
                                  literals: [a=b]
                                  options:
                                    labels: {layer: base, kept: "true"}
                                    annotations: {from: base}
                                secretGenerator:
                                - name: s
                                  literals: [k=v]
                                """,
                        "base/plain.yaml", """
                                apiVersion: v1
                                kind: ConfigMap
                                metadata:
                                  name: plain
                                  labels: {p: q}
                                data:
                                  z: "1"
                                """,
                        "base/app.yaml", APP.replace("name: settings", "name: cm").replace("name: credentials", "name: s")),
                folder("components: local Components adding resources, generators, patches and labels",
                        "kustomization.yaml", """
                                resources: [app.yaml]
                                components: [components/monitoring, components/ha]
                                commonLabels: {env: prod}
                                """,
                        "app.yaml", APP,
                        "components/monitoring/kustomization.yaml", """
                                apiVersion: kustomize.config.k8s.io/v1alpha1
                                kind: Component
                                resources: [monitor.yaml]
                                configMapGenerator:
                                - name: dashboards
                                  literals: [panel=cpu]
                                patches:
                                - target: {kind: Deployment}
                                  patch: |
                                    - op: add
                                      path: /metadata/annotations
                                      value: {prometheus.io/scrape: "true"}
                                """,
                        "components/monitoring/monitor.yaml", """
                                apiVersion: v1
                                kind: Service
                                metadata:
                                  name: metrics
                                spec:
                                  selector: {app: shop}
                                  ports: [{port: 8080}]
                                """,
                        "components/ha/kustomization.yaml", """
                                kind: Component
                                replicas:
                                - name: shop
                                  count: 3
                                labels:
                                - pairs: {ha: "true"}
                                """),
                folder("replacements: inline and from files, paths with list matches, delimiters, create, reject",
                        "kustomization.yaml", """
                                resources: [app.yaml, values.yaml]
                                replacements:
                                - source:
                                    kind: ConfigMap
                                    name: values
                                    fieldPath: data.image
                                  targets:
                                  - select: {kind: Deployment}
                                    fieldPaths:
                                    - spec.template.spec.containers.[name=app].image
                                - source:
                                    kind: ConfigMap
                                    name: values
                                    fieldPath: data.hostport
                                    options: {delimiter: ":", index: 1}
                                  targets:
                                  - select: {kind: Deployment, name: shop}
                                    fieldPaths:
                                    - spec.template.spec.containers.0.ports.0.containerPort
                                    - spec.template.metadata.annotations.[port.example.com/value]
                                    options: {create: true}
                                - source:
                                    kind: ConfigMap
                                    name: values
                                    fieldPath: data.domain
                                  targets:
                                  - select: {kind: Deployment}
                                    reject: [{name: worker}]
                                    fieldPaths:
                                    - spec.template.spec.containers.*.env.[name=DOMAIN].value
                                  - select: {kind: ConfigMap}
                                    reject: [{labelSelector: skip=true}]
                                    fieldPaths: [data.host]
                                    options: {delimiter: ".", index: 0, create: true}
                                - path: more-replacements.yaml
                                - path: one-replacement.yaml
                                """,
                        "app.yaml", APP + "---\n" + DEPLOYMENT.replace("name: shop", "name: worker"),
                        "values.yaml", """
                                apiVersion: v1
                                kind: ConfigMap
                                metadata:
                                  name: values
                                data:
                                  image: registry.example.com/shop:1.2.3
                                  hostport: example.com:8443
                                  domain: shop.example.com
                                  host: www.old.example
                                  replicas: "4"
                                ---
                                apiVersion: v1
                                kind: ConfigMap
                                metadata:
                                  name: skipped
                                  labels: {skip: "true"}
                                data:
                                  host: untouched
                                """,
                        "more-replacements.yaml", """
                                - source: {kind: ConfigMap, name: values, fieldPath: data.replicas}
                                  targets:
                                  - select: {kind: Deployment, name: worker}
                                    fieldPaths: [spec.replicas]
                                    options: {create: true}
                                """,
                        "one-replacement.yaml", """
                                source: {kind: Deployment, name: shop, fieldPath: metadata.labels}
                                targets:
                                - select: {kind: ConfigMap, name: values}
                                  fieldPaths: [metadata.labels]
                                  options: {create: true}
                                """),
                folder("nested folders: each level's namespace, prefix, labels and patches, references across",
                        "kustomization.yaml", """
                                resources: [base, extra.yaml]
                                nameSuffix: -prod
                                namespace: production
                                commonAnnotations: {layer: overlay}
                                patches:
                                - target: {kind: Deployment, name: shop}
                                  patch: |
                                    apiVersion: apps/v1
                                    kind: Deployment
                                    metadata: {name: shop}
                                    spec: {replicas: 5}
                                """,
                        "base/kustomization.yaml", """
                                namePrefix: base-
                                namespace: staging
                                resources: [app.yaml, rbac.yaml]
                                configMapGenerator:
                                - name: settings
                                  literals: [mode=base]
                                secretGenerator:
                                - name: credentials
                                  literals: [password=base]
                                labels:
                                - pairs: {layer: base}
                                  includeSelectors: true
                                """,
                        "base/app.yaml", DEPLOYMENT,
                        "base/rbac.yaml", RBAC,
                        "extra.yaml", """
                                apiVersion: autoscaling/v2
                                kind: HorizontalPodAutoscaler
                                metadata:
                                  name: shop
                                spec:
                                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: base-shop}
                                  minReplicas: 1
                                  maxReplicas: 3
                                """),
                folder("namespace: RoleBinding subjects and service accounts follow the objects",
                        "kustomization.yaml", """
                                namespace: team-a
                                resources: [rbac.yaml, app.yaml]
                                """,
                        "rbac.yaml", RBAC,
                        "app.yaml", DEPLOYMENT),
                folder("patches find the objects a base renamed and moved, by their original names",
                        "kustomization.yaml", """
                                resources: [base]
                                nameSuffix: -blue
                                patchesStrategicMerge:
                                - |
                                  apiVersion: apps/v1
                                  kind: Deployment
                                  metadata: {name: shop, namespace: staging}
                                  spec: {replicas: 2}
                                patches:
                                - target: {kind: ConfigMap, name: settings}
                                  patch: |
                                    apiVersion: v1
                                    kind: ConfigMap
                                    metadata: {name: settings}
                                    data: {patched: "yes"}
                                patchesJson6902:
                                - target: {group: apps, version: v1, kind: Deployment, name: base-shop}
                                  patch: |
                                    - op: add
                                      path: /spec/template/spec/containers/0/args
                                      value: [--verbose]
                                images:
                                - name: registry.example.com/shop
                                  newName: mirror.example.com/shop
                                  digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                                """,
                        "base/kustomization.yaml", """
                                namePrefix: base-
                                namespace: staging
                                resources: [app.yaml]
                                configMapGenerator:
                                - name: settings
                                  literals: [mode=base]
                                """,
                        "base/app.yaml", DEPLOYMENT),
                folder("replacements: a list match is a pattern; texts keep the type of the field they go to",
                        "kustomization.yaml", """
                                resources: [app.yaml, values.yaml]
                                replacements:
                                - source: {kind: ConfigMap, name: values, fieldPath: data.port}
                                  targets:
                                  - select: {kind: Deployment}
                                    fieldPaths:
                                    - spec.template.spec.containers.[name=ap].ports.0.containerPort
                                - source: {kind: Deployment, name: shop, fieldPath: spec.template.spec.containers.0.ports.0.containerPort}
                                  targets:
                                  - select: {kind: ConfigMap, name: values}
                                    fieldPaths: [data.copied]
                                    options: {create: true}
                                - source: {kind: ConfigMap, name: values, fieldPath: metadata.name}
                                  targets:
                                  - select: {kind: Deployment}
                                    fieldPaths:
                                    - spec.template.spec.volumes.[name=settings].configMap.name
                                """,
                        "app.yaml", DEPLOYMENT,
                        "values.yaml", """
                                apiVersion: v1
                                kind: ConfigMap
                                metadata:
                                  name: values
                                data:
                                  port: "8080"
                                """),
                folder("replicas and images together with a generated name in a Deployment",
                        "kustomization.yaml", """
                                resources: [app.yaml]
                                replicas:
                                - name: shop
                                  count: 2
                                images:
                                - name: registry.example.com/shop
                                  newTag: "2.0"
                                configMapGenerator:
                                - name: settings
                                  literals: [a=b]
                                """,
                        "app.yaml", APP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void buildsWhatKustomizeBuilds(String name, Map<String, Object> files) throws IOException {
        // Given the folder on disk
        write(files);

        // When both build it
        List<Map<String, Object>> expected = RealKustomize.build(folder);
        List<Map<String, Object>> actual = UserKustomization.buildFiles(LOCATION, read(folder), Set.of());

        // Then the same objects, field for field, hash suffixes included
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(RealKustomize.sortedById(actual)).isEqualTo(RealKustomize.sortedById(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fluxFolders")
    void buildsWhatKustomizeBuildsOnTheRealFluxComponents(String name, String kustomization) throws IOException {
        // Given the components the Flux CLI v2.9.4 wrote, a gotk-sync.yaml, and a user's kustomization.yaml
        Files.writeString(folder.resolve("gotk-components.yaml"),
                Files.readString(TestBundles.shared("v2.9.4-expected").resolve("gotk-components.yaml")));
        Files.writeString(folder.resolve("gotk-sync.yaml"),
                Files.readString(TestBundles.shared("v2.8.0-expected").resolve("gotk-sync.yaml")));
        Files.writeString(folder.resolve("kustomization.yaml"), kustomization);
        Files.writeString(folder.resolve("aws.env"), "AWS_REGION=eu-west-1\nAWS_ROLE_SESSION_NAME=flux\n");

        // When both build it
        List<Map<String, Object>> expected = RealKustomize.build(folder);
        List<Map<String, Object>> actual = UserKustomization.buildFiles(LOCATION, read(folder), Set.of());

        // Then the same objects, field for field
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(RealKustomize.sortedById(actual)).isEqualTo(RealKustomize.sortedById(expected));
    }

    static Stream<Arguments> fluxFolders() {
        String resources = """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - gotk-components.yaml
                - gotk-sync.yaml
                """;
        return Stream.of(
                Arguments.of("team labels, IRSA annotation, settings and credentials for the controllers", resources + """
                        labels:
                        - pairs: {team: platform, cost-center: cc-42}
                          includeTemplates: true
                        commonAnnotations:
                          owner: platform@example.com
                        configMapGenerator:
                        - name: controller-settings
                          namespace: flux-system
                          envs: [aws.env]
                        secretGenerator:
                        - name: proxy-credentials
                          namespace: flux-system
                          literals: [HTTPS_PROXY=http://user:pass@proxy:3128, NO_PROXY=.cluster.local]
                        patches:
                        - target: {kind: ServiceAccount, name: kustomize-controller}
                          patch: |
                            apiVersion: v1
                            kind: ServiceAccount
                            metadata:
                              name: kustomize-controller
                              annotations:
                                eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/flux
                        - target: {kind: Deployment, labelSelector: app.kubernetes.io/part-of=flux}
                          patch: |
                            - op: add
                              path: /spec/template/spec/containers/0/envFrom
                              value:
                              - configMapRef: {name: controller-settings}
                              - secretRef: {name: proxy-credentials}
                        """),
                Arguments.of("commonLabels on every controller, selectors included", resources + """
                        commonLabels:
                          team: platform
                        """),
                Arguments.of("a prefix and a suffix across the RBAC, the services and the sync objects", resources + """
                        namePrefix: acme-
                        nameSuffix: -flux
                        """),
                Arguments.of("replacements and replicas on the controllers", resources + """
                        replicas:
                        - name: source-controller
                          count: 2
                        configMapGenerator:
                        - name: cluster
                          namespace: flux-system
                          literals: [name=production, interval=5m0s]
                        replacements:
                        - source: {kind: ConfigMap, name: cluster, fieldPath: data.interval}
                          targets:
                          - select: {kind: Kustomization, name: flux-system}
                            fieldPaths: [spec.interval]
                        - source: {kind: ConfigMap, name: cluster, fieldPath: data.name}
                          targets:
                          - select: {kind: Deployment}
                            fieldPaths: [spec.template.metadata.annotations.cluster]
                            options: {create: true}
                        """));
    }

    private static Arguments folder(String name, Object... pathsAndContents) {
        Map<String, Object> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put((String) pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return Arguments.of(name, files);
    }

    private void write(Map<String, Object> files) throws IOException {
        for (Map.Entry<String, Object> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            if (file.getValue() instanceof byte[] bytes) {
                Files.write(path, bytes);
            } else {
                Files.writeString(path, (String) file.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    private static Map<String, byte[]> read(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static final String APP = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: shop
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop
              labels: {app: shop}
            spec:
              selector:
                matchLabels: {app: shop}
              template:
                metadata:
                  labels: {app: shop}
                spec:
                  serviceAccountName: shop
                  imagePullSecrets: [{name: registry}]
                  containers:
                  - name: app
                    image: registry.example.com/shop:1.0
                    ports: [{containerPort: 80}]
                    env:
                    - name: DOMAIN
                      value: localhost
                    - name: PASSWORD
                      valueFrom:
                        secretKeyRef: {name: credentials, key: password}
                    - name: MODE
                      valueFrom:
                        configMapKeyRef: {name: settings, key: mode}
                    envFrom:
                    - configMapRef: {name: settings}
                    - secretRef: {name: credentials}
                  volumes:
                  - name: settings
                    configMap: {name: settings}
                  - name: credentials
                    secret: {secretName: credentials}
                  - name: projected
                    projected:
                      sources:
                      - configMap: {name: settings}
                      - secret: {name: credentials}
            """;

    /** {@link #APP} without its ServiceAccount. */
    private static final String DEPLOYMENT = APP.substring(APP.indexOf("---\n") + 4);

    private static final String WORKLOADS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  affinity:
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 1
                        podAffinityTerm:
                          topologyKey: kubernetes.io/hostname
                          labelSelector:
                            matchLabels: {app: web}
                  topologySpreadConstraints:
                  - maxSkew: 1
                    topologyKey: zone
                    whenUnsatisfiable: DoNotSchedule
                    labelSelector:
                      matchLabels: {app: web}
                  containers:
                  - name: web
                    image: nginx
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: bare
            spec:
              template:
                spec:
                  containers:
                  - name: bare
                    image: busybox
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: db
              selector:
                matchLabels: {app: db}
              template:
                metadata:
                  labels: {app: db}
                spec:
                  containers:
                  - name: db
                    image: postgres
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: migrate
                    image: migrate
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: backup
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                      - name: backup
                        image: backup
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              selector:
                matchLabels: {app: agent}
              template:
                metadata:
                  labels: {app: agent}
                spec:
                  containers:
                  - name: agent
                    image: agent
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              minAvailable: 1
              selector:
                matchLabels: {app: web}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: web
            spec:
              podSelector:
                matchLabels: {app: web}
              ingress:
              - from:
                - podSelector:
                    matchLabels: {app: client}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: web
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              names: {kind: Widget, plural: widgets}
              scope: Namespaced
              versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
            """;

    private static final String RBAC = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: shop
              namespace: shop-system
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: reader
            rules:
            - apiGroups: [""]
              resources: [configmaps]
              resourceNames: [settings]
              verbs: [get]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: reader
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
            subjects:
            - kind: ServiceAccount
              name: shop
              namespace: shop-system
            - kind: ServiceAccount
              name: default
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: admin-view
            rules:
            - apiGroups: [""]
              resources: [pods]
              verbs: [list]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: admin-view
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin-view}
            subjects:
            - kind: ServiceAccount
              name: shop
              namespace: shop-system
            """;

    private static final String REFERENCES = RBAC + """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: registry
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: credentials
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: db
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: shared
            spec:
              accessModes: [ReadWriteMany]
              resources: {requests: {storage: 1Gi}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
            spec:
              serviceAccountName: web
              containers:
              - name: debug
                image: busybox
                envFrom: [{configMapRef: {name: settings}}]
              volumes:
              - name: shared
                persistentVolumeClaim: {claimName: shared}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 1
              maxReplicas: 3
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              annotations:
                nginx.ingress.kubernetes.io/auth-secret: credentials
            spec:
              tls: [{hosts: [shop.example.com], secretName: credentials}]
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service: {name: web, port: {number: 80}}
            """ + "---\n" + APP;
}
