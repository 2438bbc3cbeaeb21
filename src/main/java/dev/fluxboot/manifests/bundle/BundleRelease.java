package dev.fluxboot.manifests.bundle;

import dev.fluxboot.UsageException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Flux release a {@code --manifests} bundle is, as far as it tells: a release's
 * {@code manifests.tar.gz} names no release, but every Flux 2 release since v2.0.0 ships
 * source-controller v1.N for Flux v2.N, and a bundle's file or folder is usually named after its
 * release ({@code manifests-v2.8.0.tar.gz}, {@code v2.8.0/}). A {@code --version} that either
 * contradicts would label the output (the version labels, the commit message) with a release it
 * is not.
 */
public final class BundleRelease {

    private static final Pattern SOURCE_CONTROLLER_IMAGE =
            Pattern.compile("(?m)^\\s*image:\\s*['\"]?\\S*/source-controller:v(\\d+)\\.(\\d+)\\.\\d+");
    private static final Pattern RELEASE_IN_NAME = Pattern.compile("(?<![\\d.])v?(\\d+)\\.(\\d+)\\.(\\d+)(?![\\d])");
    private static final Pattern FLUX_VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+).*");

    private BundleRelease() {
    }

    /**
     * @param version the release {@code --version} names, normalised ({@code v2.8.0})
     * @param files   the bundle's files
     * @param path    {@code --manifests}
     * @throws UsageException naming what the bundle says it is
     */
    public static void requireRelease(String version, Map<String, String> files, Path path) {
        Matcher wanted = FLUX_VERSION.matcher(version);
        if (!wanted.matches()) {
            return;
        }
        int major = Integer.parseInt(wanted.group(1));
        int minor = Integer.parseInt(wanted.group(2));
        Optional<String> named = releaseInName(path);
        if (named.isPresent() && !named.get().equals(version)) {
            throw new UsageException("--manifests " + path + " is named after Flux " + named.get() + ", not --version "
                    + version + ": give the --version of the bundle, or the bundle of " + version);
        }
        Optional<int[]> controller = sourceControllerVersion(files);
        if (major == 2 && controller.isPresent() && controller.get()[0] == 1 && controller.get()[1] != minor) {
            throw new UsageException("--manifests " + path + " holds source-controller v1." + controller.get()[1]
                    + ", which is Flux v2." + controller.get()[1] + ".x, not --version " + version
                    + ": give the --version of the bundle, or the bundle of " + version);
        }
    }

    /** The Flux release the file or folder name carries ({@code manifests-v2.8.0.tar.gz}, {@code v2.8.0-stripped}). */
    static Optional<String> releaseInName(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            return Optional.empty();
        }
        Matcher matcher = RELEASE_IN_NAME.matcher(name.toString());
        if (!matcher.find()) {
            return Optional.empty();
        }
        String found = "v" + matcher.group(1) + "." + matcher.group(2) + "." + matcher.group(3);
        // only a second version in the name would make it ambiguous
        return matcher.find() ? Optional.empty() : Optional.of(found);
    }

    private static Optional<int[]> sourceControllerVersion(Map<String, String> files) {
        String text = files.get("source-controller.yaml");
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = SOURCE_CONTROLLER_IMAGE.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))});
    }
}
