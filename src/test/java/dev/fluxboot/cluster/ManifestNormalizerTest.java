package dev.fluxboot.cluster;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.fluxboot.testing.FluxManifestFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

class ManifestNormalizerTest {

    @Test
    void portsGetTheirDefaultProtocolAndStatusAndCreationTimestampGo() {
        Map<String, Object> deployment = parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, creationTimestamp: null}
                spec:
                  template:
                    spec:
                      containers:
                      - name: c
                        ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]
                status: {replicas: 1}
                """).get(0);

        Map<String, Object> normalized = ManifestNormalizer.normalize(deployment);

        assertThat(normalized).doesNotContainKey("status");
        assertThat(ManifestNormalizer.map(normalized.get("metadata"))).doesNotContainKey("creationTimestamp");
        assertThat(normalized.toString()).contains("{containerPort=80, protocol=TCP}", "{containerPort=53, protocol=UDP}");
        assertThat(deployment).containsKey("status"); // the input is left alone
    }

    @Test
    void serviceAndCronJobPortsToo() {
        assertThat(ManifestNormalizer.normalize(parse("""
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec: {ports: [{port: 80}]}
                """).get(0)).toString()).contains("{port=80, protocol=TCP}");
        assertThat(ManifestNormalizer.normalize(parse("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: j}
                spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: c, ports: [{containerPort: 1}]}]}}}}}
                """).get(0)).toString()).contains("{containerPort=1, protocol=TCP}");
    }

    @Test
    void crdsKeepTheirStatusAndSecretsTurnStringDataIntoData() {
        assertThat(ManifestNormalizer.normalize(Map.of("apiVersion", "apiextensions.k8s.io/v1", "kind", "CustomResourceDefinition",
                "metadata", Map.of("name", "x"), "status", Map.of("storedVersions", java.util.List.of())))).containsKey("status");

        Map<String, Object> secret = ManifestNormalizer.normalize(parse("""
                apiVersion: v1
                kind: Secret
                metadata: {name: s}
                data: {a: YQ==}
                stringData: {b: hello}
                """).get(0));

        assertThat(secret).doesNotContainKey("stringData");
        assertThat(ManifestNormalizer.map(secret.get("data"))).containsEntry("a", "YQ==").containsEntry("b", "aGVsbG8=");
    }
}
