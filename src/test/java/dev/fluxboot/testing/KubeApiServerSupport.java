package dev.fluxboot.testing;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubeapitest.cert.CertManager;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real kube-apiserver + etcd (through {@code io.fabric8:kube-api-test}) for one test class.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final KubeApiServerSupport kube = new KubeApiServerSupport();
 * ... kube.kubeconfig()   // a kubeconfig file for an admin (system:masters)
 * ... kube.client()       // a fabric8 client for that admin
 * ... kube.kubeconfigForUser("alice")   // a user without any rights until a test grants some
 * </pre>
 *
 * The binaries come from {@code $KUBE_API_TEST_DIR} (default {@code ~/.kubeapitest-1.34.9}), prepared by
 * {@code eval "$(../shared/envtest/setup.sh 1.34.9)"}; the class is skipped (assumption) when they are
 * absent. Every instance runs in its own temporary directory holding links to those binaries and
 * its own certificates (kube-api-test keeps them beside the binaries), so test runs of several
 * people (or several classes) never share certificates; the directory goes after the class.
 *
 * <p>The server is Kubernetes v{@value #KUBERNETES_VERSION} (CEL validation, selectable fields, current
 * server-side apply): the real Flux CRDs install as they are. Another version under that directory
 * fails the class rather than running the tests on a server they were not written for.
 */
public final class KubeApiServerSupport implements BeforeAllCallback, AfterAllCallback {

    /** The Kubernetes version the tests are written for. */
    public static final String KUBERNETES_VERSION = "1.34.9";

    private static final String PLATFORM_SUFFIX = "-linux-amd64";
    private static final String SETUP = "eval \"$(../shared/envtest/setup.sh " + KUBERNETES_VERSION + ")\"";

    private Path workDir;
    private KubeAPIServer server;
    private Path kubeconfig;
    private KubernetesClient client;
    private String serverUrl;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path base = baseDir();
        Optional<Path> binaries = findBinaries(base);
        assumeTrue(binaries.isPresent(), "no kube-apiserver/etcd/kubectl under " + base + " (run: " + SETUP + ")");
        Path binaryDir = binaries.get();
        String versionDirName = binaryDir.getFileName().toString();
        if (!versionDirName.equals(KUBERNETES_VERSION + PLATFORM_SUFFIX)) {
            throw new IllegalStateException("the test API server under " + base + " is " + versionDirName
                    + ", the tests need Kubernetes " + KUBERNETES_VERSION + " (run: " + SETUP + ")");
        }
        workDir = Files.createTempDirectory("kubeapitest-");
        Path linked = Files.createDirectories(workDir.resolve("k8s").resolve(versionDirName));
        for (String binary : List.of("kube-apiserver", "etcd", "kubectl")) {
            Files.createSymbolicLink(linked.resolve(binary), binaryDir.resolve(binary).toRealPath());
        }
        createCertificates();
        server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(workDir.toString())
                .withApiServerVersion(versionDirName.substring(0, versionDirName.length() - PLATFORM_SUFFIX.length()))
                .withUpdateKubeConfig(false)
                .build());
        server.start();
        kubeconfig = workDir.resolve("kubeconfig");
        Files.writeString(kubeconfig, server.getKubeConfigYaml());
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig.toFile())).build();
        serverUrl = client.getConfiguration().getMasterUrl();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
        if (workDir != null) {
            deleteRecursively(workDir);
        }
    }

    /**
     * Writes the four files kube-api-test would generate (it keeps them when all are present),
     * with one difference: the admin's self-signed client certificate, which the server also
     * uses as its client CA, is marked as a CA, so that {@link #kubeconfigForUser} can issue more
     * users (Go does not accept a signature from a v3 certificate without that mark).
     */
    private void createCertificates() throws Exception {
        CertManager.generateKeyAndCertificate("CN=example.org",
                workDir.resolve(CertManager.API_SERVER_KEY_NAME).toFile(), workDir.resolve(CertManager.API_SERVER_CERT_NAME).toFile(),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "kubernetes"),
                new GeneralName(GeneralName.dNSName, "kubernetes.default"), new GeneralName(GeneralName.dNSName, "kubernetes.default.svc"));
        KeyPair key = rsaKey();
        X500Name admin = new X500Name("O=system:masters,CN=kubeapitest");
        Instant now = Instant.now();
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(admin, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(365, ChronoUnit.DAYS)), admin, key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature
                        | KeyUsage.keyEncipherment))
                .build(new JcaContentSignerBuilder("SHA256WithRSA").build(key.getPrivate()));
        Files.writeString(workDir.resolve(CertManager.CLIENT_CERT_NAME), pem(certificate));
        Files.writeString(workDir.resolve(CertManager.CLIENT_KEY_NAME), pem(key.getPrivate()));
    }

    private static KeyPair rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A kubeconfig file (one context, current) for an admin user in {@code system:masters}. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A client for the admin user; closed after the test class. */
    public KubernetesClient client() {
        return client;
    }

    /** {@code https://127.0.0.1:<port>/}. */
    public String serverUrl() {
        return serverUrl;
    }

    /** The temporary directory of this server (certificates, kubeconfig files). */
    public Path workDir() {
        return workDir;
    }

    /**
     * A kubeconfig file for a user authenticated by a client certificate (CN = user, O = each
     * group), signed by the test server's client CA. The user has no rights unless the test binds
     * some (RBAC is on).
     */
    public Path kubeconfigForUser(String user, String... groups) {
        try {
            X509CertificateHolder ca;
            try (Reader reader = Files.newBufferedReader(workDir.resolve("client.crt"))) {
                ca = (X509CertificateHolder) new PEMParser(reader).readObject();
            }
            PrivateKey caKey;
            try (Reader reader = Files.newBufferedReader(workDir.resolve("client.key"))) {
                Object key = new PEMParser(reader).readObject();
                JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
                caKey = key instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                        : converter.getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) key);
            }
            KeyPair userKey = rsaKey();
            X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
            for (String group : groups) {
                subject.addRDN(BCStyle.O, group);
            }
            subject.addRDN(BCStyle.CN, user);
            Instant now = Instant.now();
            X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(ca.getSubject(),
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.HOURS)),
                    Date.from(now.plus(1, ChronoUnit.DAYS)), subject.build(), userKey.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256WithRSA").build(caKey));
            Path certFile = workDir.resolve("user-" + user + ".crt");
            Path keyFile = workDir.resolve("user-" + user + ".key");
            Files.writeString(certFile, pem(certificate));
            Files.writeString(keyFile, pem(userKey.getPrivate()));
            Path file = workDir.resolve("kubeconfig-" + user);
            Files.writeString(file, String.join("\n",
                    "apiVersion: v1",
                    "kind: Config",
                    "clusters:",
                    "- name: kubeapitest",
                    "  cluster:",
                    "    certificate-authority: " + workDir.resolve("apiserver.crt"),
                    "    server: " + serverUrl,
                    "users:",
                    "- name: " + user,
                    "  user:",
                    "    client-certificate: " + certFile,
                    "    client-key: " + keyFile,
                    "contexts:",
                    "- name: " + user,
                    "  context:",
                    "    cluster: kubeapitest",
                    "    user: " + user,
                    "current-context: " + user,
                    ""));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a certificate for user " + user, e);
        }
    }

    private static Path baseDir() {
        String configured = System.getenv("KUBE_API_TEST_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".kubeapitest-" + KUBERNETES_VERSION);
    }

    private static Optional<Path> findBinaries(Path base) throws IOException {
        Path k8s = base.resolve("k8s");
        if (!Files.isDirectory(k8s)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(k8s)) {
            return dirs.filter(dir -> dir.getFileName().toString().endsWith(PLATFORM_SUFFIX))
                    .filter(dir -> Stream.of("kube-apiserver", "etcd", "kubectl")
                            .allMatch(binary -> Files.isExecutable(dir.resolve(binary))))
                    .max(Comparator.comparing(dir -> dir.getFileName().toString()));
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

}
