package dev.fluxboot.githost;

import dev.fluxboot.UsageException;
import dev.fluxboot.net.HttpClients;
import dev.fluxboot.ui.Reporter;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a forge host needs to reach its API: the flags every {@code bootstrap <forge>} command shares.
 *
 * @param token       the API token (also the Git password over HTTPS); never shown by {@link #toString()}
 * @param hostname    {@code --hostname}: the host (may carry a port, may start with {@code https://}) of the
 *                    clone URLs and, unless {@code apiUrl} is given, of the API
 * @param apiUrl      {@code --api-url}: a full API base URL, e.g. behind a proxy
 * @param caFile      {@code --ca-file}: extra CA certificates for the HTTPS calls
 * @param environment the process environment, for {@code HTTPS_PROXY}/{@code NO_PROXY} (and {@code SSL_CERT_FILE})
 * @param timeout     {@code --timeout}: the longest a rate-limit wait may last (and each request's limit)
 * @param sshHostname {@code --ssh-hostname host[:port]}: replaces the host of the SSH sync URL
 * @param reporter    where waits (rate limits) are reported
 */
public record ForgeConnection(String token, String hostname, Optional<URI> apiUrl, Optional<Path> caFile,
                              Map<String, String> environment, Duration timeout, Optional<String> sshHostname,
                              Reporter reporter) {

    public ForgeConnection {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(caFile, "caFile");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(sshHostname, "sshHostname");
        Objects.requireNonNull(reporter, "reporter");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (hostname.isBlank()) {
            throw new UsageException("no host name given: pass --hostname");
        }
        if (hostname.toLowerCase(Locale.ROOT).startsWith("http://")) {
            throw new UsageException("--hostname " + hostname + " uses http: the forge API is only called over https, "
                    + "give the host name alone (e.g. --hostname=" + hostname.substring("http://".length()) + ")");
        }
    }

    /** The host (and port) of the clone URLs: {@link #hostname()} without {@code https://} and trailing slashes. */
    public String host() {
        String host = hostname.strip();
        if (host.toLowerCase(Locale.ROOT).startsWith("https://")) {
            host = host.substring("https://".length());
        }
        while (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }

    /** The host of the SSH sync URL: {@code --ssh-hostname} when given, else {@link #host()}. */
    public String sshHost() {
        return sshHostname.filter(h -> !h.isBlank()).map(String::strip).orElse(host());
    }

    /** {@code --api-url} when given, else {@code https://<host><defaultPath>}. No trailing slash. */
    public URI apiBase(String defaultPath) {
        String base = apiUrl.map(URI::toString).orElse("https://" + host() + defaultPath);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base);
    }

    /** HTTP clients honouring the proxy variables, {@code SSL_CERT_FILE} and {@code --ca-file}. */
    public HttpClients httpClients() {
        HttpClients clients = HttpClients.fromEnvironment(environment);
        if (caFile.isPresent()) {
            clients = clients.withExtraCaFile(caFile.get());
        }
        Duration connect = timeout.compareTo(HttpClients.DEFAULT_CONNECT_TIMEOUT) < 0 ? timeout : HttpClients.DEFAULT_CONNECT_TIMEOUT;
        return clients.withConnectTimeout(connect);
    }

    @Override
    public String toString() {
        return "ForgeConnection[hostname=" + hostname + ", apiUrl=" + apiUrl.map(URI::toString).orElse("-")
                + ", caFile=" + caFile.map(Path::toString).orElse("-") + ", timeout=" + timeout
                + ", sshHostname=" + sshHostname.orElse("-") + ", token=***]";
    }
}
