package dev.fluxboot.githost;

/** Compares SSH public keys as forges store them: type and key data count, the comment does not. */
public final class PublicKeys {

    private PublicKeys() {
    }

    /** {@code type base64} of an {@code authorized_keys} line (comment and white space dropped). */
    public static String material(String authorizedKeyLine) {
        if (authorizedKeyLine == null) {
            return "";
        }
        String[] fields = authorizedKeyLine.strip().split("\\s+");
        return fields.length >= 2 ? fields[0] + " " + fields[1] : authorizedKeyLine.strip();
    }

    public static boolean sameKey(String a, String b) {
        return material(a).equals(material(b));
    }
}
