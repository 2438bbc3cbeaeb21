package dev.fluxboot.git;

import dev.fluxboot.UsageException;

import java.util.Locale;

/** The {@code --ssh-ecdsa-curve} values of the Flux CLI; the default is {@link #P384}. */
public enum EcdsaCurve {
    P256("secp256r1"), P384("secp384r1"), P521("secp521r1");

    private final String jcaName;

    EcdsaCurve(String jcaName) {
        this.jcaName = jcaName;
    }

    String jcaName() {
        return jcaName;
    }

    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EcdsaCurve parse(String value) {
        for (EcdsaCurve curve : values()) {
            if (curve.flagValue().equals(value)) {
                return curve;
            }
        }
        throw new UsageException("unsupported curve '" + value + "', must be one of: p256, p384, p521 (--ssh-ecdsa-curve)");
    }
}
