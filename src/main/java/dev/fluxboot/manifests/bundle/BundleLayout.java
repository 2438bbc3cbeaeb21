package dev.fluxboot.manifests.bundle;

import dev.fluxboot.FluxbootException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What makes a set of files a Flux manifests bundle: the layout of a release's
 * {@code manifests.tar.gz}, top-level {@code *.yaml} files among which at least
 * {@code rbac.yaml} and {@code source-controller.yaml} (every Flux release since v0.1 has
 * both, and every install needs them). Whether the bundle holds the components an install
 * asks for is the install's question, not this one.
 */
public final class BundleLayout {

    /** Files every bundle has. */
    public static final List<String> REQUIRED_FILES = List.of("rbac.yaml", "source-controller.yaml");
    /** A single manifest larger than this is not a Flux manifest (the largest, source-controller, is ~100 KiB). */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** All files of a bundle together (v2.8.1 has ~370 KiB). */
    public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

    private BundleLayout() {
    }

    /** Whether {@code name} is a bundle file name: a plain {@code *.yaml} name, no folder. */
    public static boolean isBundleFileName(String name) {
        return name.endsWith(".yaml") && name.length() > ".yaml".length() && !name.contains("/")
                && !name.contains("\\") && !name.startsWith(".");
    }

    /** The text of a bundle file; manifests are UTF-8, anything else is refused rather than guessed. */
    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        // The String constructor's decoder is much faster, but replaces what is not UTF-8 by U+FFFD:
        // only a text without that character is sure to be the bytes' exact decoding.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** Fails, naming {@code origin} and the missing file, unless {@code files} is a bundle. */
    public static void requireBundle(Map<String, String> files, String origin) {
        for (String required : REQUIRED_FILES) {
            if (!files.containsKey(required)) {
                throw new FluxbootException(origin + " is not a Flux manifests bundle: it has no " + required
                        + " (expected the layout of a release's manifests.tar.gz: <component>.yaml, rbac.yaml, policies.yaml at the top level)");
            }
        }
    }
}
