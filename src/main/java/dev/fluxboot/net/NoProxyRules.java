package dev.fluxboot.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hosts that {@code NO_PROXY} keeps away from the proxy, read the way Go's
 * {@code net/http} reads it (so fluxboot and the Flux CLI agree on the same environment):
 * comma-separated entries; {@code *} matches everything; an IP or CIDR matches addresses;
 * {@code example.com} matches the host and its subdomains, {@code .example.com} and
 * {@code *.example.com} only subdomains; an entry may carry {@code :port}.
 */
final class NoProxyRules {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean matchAll;
    private final List<DomainRule> domains;
    private final List<AddressRule> addresses;

    private NoProxyRules(boolean matchAll, List<DomainRule> domains, List<AddressRule> addresses) {
        this.matchAll = matchAll;
        this.domains = List.copyOf(domains);
        this.addresses = List.copyOf(addresses);
    }

    static NoProxyRules parse(String noProxy) {
        boolean all = false;
        List<DomainRule> domains = new ArrayList<>();
        List<AddressRule> addresses = new ArrayList<>();
        for (String raw : (noProxy == null ? "" : noProxy).split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                all = true;
                continue;
            }
            Optional<AddressRule> cidr = parseCidr(entry);
            if (cidr.isPresent()) {
                addresses.add(cidr.get());
                continue;
            }
            String host = entry;
            String port = "";
            HostPort split = HostPort.split(entry);
            if (split != null) {
                host = split.host;
                port = split.port;
            }
            if (host.isEmpty()) {
                continue;
            }
            Optional<InetAddress> ip = literalAddress(host);
            if (ip.isPresent()) {
                byte[] bytes = ip.get().getAddress();
                addresses.add(new AddressRule(bytes, bytes.length * 8, port));
                continue;
            }
            if (host.startsWith("*.")) {
                host = host.substring(1);
            }
            boolean matchesHostItself = !host.startsWith(".");
            domains.add(new DomainRule(matchesHostItself ? "." + host : host, matchesHostItself, port));
        }
        return new NoProxyRules(all, domains, addresses);
    }

    /** Whether a connection to {@code host:port} must bypass the proxy. */
    boolean bypass(String host, int port) {
        if (matchAll) {
            return true;
        }
        String name = unbracket(host.toLowerCase(Locale.ROOT));
        String portText = Integer.toString(port);
        Optional<InetAddress> ip = literalAddress(name);
        if (ip.isPresent()) {
            byte[] bytes = ip.get().getAddress();
            for (AddressRule rule : addresses) {
                if (rule.matches(bytes, portText)) {
                    return true;
                }
            }
        }
        for (DomainRule rule : domains) {
            if (rule.matches(name, portText)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal, without any DNS lookup; empty for host names. */
    static Optional<InetAddress> literalAddress(String host) {
        String name = unbracket(host);
        boolean literal = IPV4.matcher(name).matches() || (name.contains(":") && name.matches("[0-9a-fA-F:.%]+"));
        if (!literal) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(name));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String unbracket(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }

    private static Optional<AddressRule> parseCidr(String entry) {
        int slash = entry.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<InetAddress> ip = literalAddress(entry.substring(0, slash));
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = ip.get().getAddress();
        try {
            int bits = Integer.parseInt(entry.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                return Optional.empty();
            }
            return Optional.of(new AddressRule(bytes, bits, ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record DomainRule(String suffix, boolean matchesHostItself, String port) {
        boolean matches(String host, String requestPort) {
            boolean hostMatches = host.endsWith(suffix) || (matchesHostItself && host.equals(suffix.substring(1)));
            return hostMatches && (port.isEmpty() || port.equals(requestPort));
        }
    }

    private record AddressRule(byte[] network, int prefixBits, String port) {
        boolean matches(byte[] address, String requestPort) {
            if (address.length != network.length) {
                return false;
            }
            if (!port.isEmpty() && !port.equals(requestPort)) {
                return false;
            }
            int shift = address.length * 8 - prefixBits;
            BigInteger a = new BigInteger(1, address).shiftRight(shift);
            BigInteger n = new BigInteger(1, network).shiftRight(shift);
            return a.equals(n);
        }
    }

    /** {@code host:port} or {@code [v6]:port}; null when the entry has no port. */
    private record HostPort(String host, String port) {
        static HostPort split(String entry) {
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close > 0 && entry.length() > close + 1 && entry.charAt(close + 1) == ':') {
                    return new HostPort(entry.substring(1, close), entry.substring(close + 2));
                }
                return null;
            }
            int colon = entry.lastIndexOf(':');
            if (colon < 0 || entry.indexOf(':') != colon) {
                return null; // no port, or a bare IPv6 address
            }
            return new HostPort(entry.substring(0, colon), entry.substring(colon + 1));
        }
    }
}
