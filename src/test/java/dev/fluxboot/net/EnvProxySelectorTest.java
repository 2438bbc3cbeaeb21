package dev.fluxboot.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxboot.UsageException;

import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvProxySelectorTest {

    @Test
    void httpsUrlsUseHttpsProxyAndHttpUrlsUseHttpProxy() {
        EnvProxySelector selector = EnvProxySelector.fromEnvironment(Map.of(
                "HTTPS_PROXY", "http://secure.proxy:3128", "HTTP_PROXY", "plain.proxy:8080"));

        assertThat(proxy(selector, "https://github.com/fluxcd")).contains("secure.proxy:3128");
        assertThat(proxy(selector, "http://example.com/x")).contains("plain.proxy:8080");
        assertThat(proxy(selector, "ssh://git@github.com/x")).isEmpty();
    }

    @Test
    void httpsDoesNotFallBackToHttpProxy() {
        EnvProxySelector selector = EnvProxySelector.fromEnvironment(Map.of("HTTP_PROXY", "plain.proxy:8080"));

        assertThat(proxy(selector, "https://github.com/")).isEmpty();
        assertThat(selector.select(URI.create("https://github.com/"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void upperCaseWinsAndLowerCaseIsAFallback() {
        assertThat(proxy(EnvProxySelector.fromEnvironment(Map.of("https_proxy", "lower:1", "HTTPS_PROXY", "upper:2")),
                "https://a.b/")).contains("upper:2");
        assertThat(proxy(EnvProxySelector.fromEnvironment(Map.of("https_proxy", "lower:1")), "https://a.b/"))
                .contains("lower:1");
    }

    @Test
    void localhostAndLoopbackAreNeverProxied() {
        EnvProxySelector selector = EnvProxySelector.fromEnvironment(Map.of("HTTP_PROXY", "p:1"));

        assertThat(proxy(selector, "http://localhost:8080/")).isEmpty();
        assertThat(proxy(selector, "http://127.0.0.1:8080/")).isEmpty();
        assertThat(proxy(selector, "http://[::1]:8080/")).isEmpty();
        assertThat(proxy(selector, "http://10.0.0.1:8080/")).contains("p:1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "example.com            | https://example.com/          | true",
            "example.com            | https://api.example.com/      | true",
            "example.com            | https://notexample.com/       | false",
            ".example.com           | https://example.com/          | false",
            ".example.com           | https://api.example.com/      | true",
            "*.example.com          | https://api.example.com/      | true",
            "example.com:8443       | https://example.com/          | false",
            "example.com:8443       | https://example.com:8443/     | true",
            "example.com:443        | https://example.com/          | true",
            "10.0.0.0/8             | https://10.1.2.3/             | true",
            "10.0.0.0/8             | https://11.1.2.3/             | false",
            "192.168.1.5            | https://192.168.1.5:9000/     | true",
            "'a.org, ,EXAMPLE.COM'  | https://www.example.com/      | true",
            "*                      | https://anything.at.all/      | true",
            "fd00::/8               | https://[fd00::1]/            | true",
            "''                     | https://example.com/          | false",
    })
    void noProxyFollowsGoRules(String noProxy, String url, boolean bypass) {
        EnvProxySelector selector = EnvProxySelector.fromEnvironment(Map.of("HTTPS_PROXY", "p:1", "no_proxy", noProxy));

        assertThat(proxy(selector, url).isEmpty()).as("%s bypasses the proxy with NO_PROXY=%s", url, noProxy).isEqualTo(bypass);
    }

    @Test
    void credentialsAreParsedButNeverShown() {
        EnvProxySelector selector = EnvProxySelector.fromEnvironment(Map.of("HTTPS_PROXY", "http://me:s%40cret@p:3128"));

        EnvProxySelector.ProxyEndpoint endpoint = selector.proxyFor(URI.create("https://github.com/")).orElseThrow();

        assertThat(endpoint.credentials()).hasValueSatisfying(auth -> {
            assertThat(auth.getUserName()).isEqualTo("me");
            assertThat(auth.getPassword()).containsExactly("s@cret".toCharArray());
        });
        assertThat(endpoint.toString()).isEqualTo("http://p:3128").doesNotContain("cret");
    }

    @Test
    void unsupportedProxySchemesAreUsageErrorsWithoutSecrets() {
        assertThatThrownBy(() -> EnvProxySelector.fromEnvironment(Map.of("HTTPS_PROXY", "socks5://me:secret@p:1080")))
                .isInstanceOf(UsageException.class)
                .hasMessage("HTTPS_PROXY uses a socks5:// proxy; only http:// proxies are supported: use http://host:port");
        assertThatThrownBy(() -> EnvProxySelector.fromEnvironment(Map.of("http_proxy", "http://p:1:2:x y")))
                .isInstanceOf(UsageException.class)
                .hasMessage("http_proxy is not a proxy URL: use http://host:port");
    }

    private static Optional<String> proxy(EnvProxySelector selector, String url) {
        return selector.proxyFor(URI.create(url))
                .map(endpoint -> endpoint.address().getHostString() + ":" + endpoint.address().getPort());
    }
}
