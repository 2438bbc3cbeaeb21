package dev.fluxboot.git;

/** Signs a commit: returns the armored detached signature of the raw commit object. */
@FunctionalInterface
public interface CommitSigner {

    /**
     * @param commitPayload the commit object as Git stores it, without a {@code gpgsig} header
     * @return ASCII-armored signature ({@code -----BEGIN PGP SIGNATURE-----} ...)
     */
    byte[] sign(byte[] commitPayload);
}
