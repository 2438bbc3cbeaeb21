package dev.fluxboot.manifests.migrate;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code flux migrate -f}: finds the Flux objects in YAML manifests whose {@code apiVersion} is not the
 * latest the target release has, and rewrites that one value, leaving every other byte of the file as it
 * was (comments, order, quoting, line endings, Helm template syntax).
 *
 * <p>As the Flux CLI does, it reads lines, not YAML, so templates that are no YAML yet ({@code .tpl}) work
 * too: an object is an {@code apiVersion: group/version} line next to a {@code kind: Kind} line whose key
 * starts in the same column (either order, {@code - } list items too); quotes and a trailing comment are
 * allowed. Kinds that are not the release's are left alone.
 */
public final class ManifestApiMigration {

    /** The extensions {@code flux migrate} considers by default. */
    public static final List<String> DEFAULT_EXTENSIONS = List.of(".yaml", ".yml");

    private static final Pattern API_VERSION = Pattern.compile(
            "^(\\s*(?:-\\s+)?)apiVersion:\\s+([\"']?)([A-Za-z0-9][A-Za-z0-9.-]*)/([A-Za-z0-9]+)\\2\\s*(?:#.*)?$");
    private static final Pattern KIND = Pattern.compile(
            "^(\\s*(?:-\\s+)?)kind:\\s+([\"']?)([A-Za-z][A-Za-z0-9]*)\\2\\s*(?:#.*)?$");

    private final FluxApiVersions target;

    public ManifestApiMigration(FluxApiVersions target) {
        this.target = target;
    }

    /** The upgrades one manifest's text needs, in line order; {@code file} only names it in the result. */
    public List<ApiVersionUpgrade> scan(String file, String text) {
        List<String> lines = lines(text);
        List<ApiVersionUpgrade> upgrades = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher apiVersion = API_VERSION.matcher(content(lines.get(i)));
            if (!apiVersion.matches()) {
                continue;
            }
            int column = apiVersion.group(1).length();
            String kind = kindAt(lines, i + 1, column);
            if (kind == null) {
                kind = kindAt(lines, i - 1, column);
            }
            if (kind == null) {
                continue;
            }
            String group = apiVersion.group(3);
            String version = apiVersion.group(4);
            String latest = target.latest(group, kind).orElse(null);
            if (latest != null && !latest.equals(version)) {
                upgrades.add(new ApiVersionUpgrade(file, i + 1, kind, group, version, latest,
                        !target.serves(group, version, kind)));
            }
        }
        return upgrades;
    }

    private static String kindAt(List<String> lines, int index, int column) {
        if (index < 0 || index >= lines.size()) {
            return null;
        }
        Matcher kind = KIND.matcher(content(lines.get(index)));
        return kind.matches() && kind.group(1).length() == column ? kind.group(3) : null;
    }

    /** {@code text} with each upgrade's {@code apiVersion} value rewritten, every other byte as it was. */
    public static String rewrite(String text, List<ApiVersionUpgrade> upgrades) {
        List<String> lines = lines(text);
        for (ApiVersionUpgrade upgrade : upgrades) {
            String line = lines.get(upgrade.line() - 1);
            Matcher apiVersion = API_VERSION.matcher(content(line));
            if (!apiVersion.matches() || !apiVersion.group(3).equals(upgrade.group())
                    || !apiVersion.group(4).equals(upgrade.from())) {
                throw new IllegalArgumentException("line " + upgrade.line() + " of " + upgrade.file()
                        + " has no apiVersion " + upgrade.group() + "/" + upgrade.from());
            }
            lines.set(upgrade.line() - 1, line.substring(0, apiVersion.start(4)) + upgrade.to()
                    + line.substring(apiVersion.end(4)));
        }
        return String.join("", lines);
    }

    /** The upgrades of one file. */
    public record FileUpgrades(Path file, List<ApiVersionUpgrade> upgrades) {
        public FileUpgrades {
            upgrades = List.copyOf(upgrades);
        }
    }

    /** What {@link #scan(Path, List)} found: files with upgrades, and files it skipped (not regular). */
    public record PathScan(List<FileUpgrades> files, List<Path> skipped) {
        public PathScan {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * The upgrades of the file {@code path}, or of every file under the folder {@code path} whose name ends
     * with one of {@code extensions}, in path order; symbolic links and other irregular files under a folder
     * are skipped and listed.
     *
     * @throws UsageException when {@code path} does not exist, or is a file without one of the extensions or
     *                        not a regular file
     */
    public PathScan scan(Path path, List<String> extensions) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("--path: " + path + " does not exist");
        }
        List<Path> files = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            walk(path, extensions, files, skipped);
        } else {
            if (!matches(path, extensions)) {
                throw new UsageException("--path: file " + path + " does not match the extensions "
                        + String.join(", ", extensions) + "; give a folder or a file with one of them (--extensions)");
            }
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageException("--path: file " + path + " is not a regular file (a link?); give the file it"
                        + " points to");
            }
            files.add(path);
        }
        List<FileUpgrades> found = new ArrayList<>();
        for (Path file : files) {
            List<ApiVersionUpgrade> upgrades = scan(file.toString(), read(file));
            if (!upgrades.isEmpty()) {
                found.add(new FileUpgrades(file, upgrades));
            }
        }
        return new PathScan(found, skipped);
    }

    private static void walk(Path folder, List<String> extensions, List<Path> files, List<Path> skipped) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (matches(file, extensions)) {
                        (attributes.isRegularFile() ? files : skipped).add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new FluxbootException("cannot read the folder " + folder + ": " + e.getMessage(), e);
        }
        files.sort(null);
        skipped.sort(null);
    }

    private static boolean matches(Path file, List<String> extensions) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return extensions.stream().anyMatch(name::endsWith);
    }

    /** Rewrites the file in place with its upgrades; its permissions stay as they were. */
    public static void write(FileUpgrades file) {
        String text = read(file.file());
        try {
            Files.write(file.file(), rewrite(text, file.upgrades()).getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new FluxbootException("cannot write " + file.file() + ": " + e.getMessage(), e);
        }
    }

    /** The bytes as ISO-8859-1 characters: any content survives the round trip unchanged. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new FluxbootException("cannot read " + file + ": it is gone", e);
        } catch (IOException e) {
            throw new FluxbootException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The lines of {@code text}, each with its line break. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** A line without its line break ({@code \n} or {@code \r\n}). */
    private static String content(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }
}
