package dev.fluxboot.cli;

import java.util.regex.Pattern;

/** Kubernetes' DNS-1123 label: what a namespace name may be. */
final class DnsLabel {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private DnsLabel() {
    }

    static boolean isValid(String value) {
        return value != null && value.length() <= 63 && LABEL.matcher(value).matches();
    }
}
