package dev.fluxboot.api;

import dev.fluxboot.UsageException;
import dev.fluxboot.bootstrap.World;
import dev.fluxboot.cluster.Cluster;
import dev.fluxboot.cluster.CrdMigration;
import dev.fluxboot.cluster.StorageMigration;
import dev.fluxboot.manifests.bundle.Bundle;
import dev.fluxboot.manifests.bundle.FluxReleases;
import dev.fluxboot.manifests.migrate.ApiVersionUpgrade;
import dev.fluxboot.manifests.migrate.FluxApiVersions;
import dev.fluxboot.manifests.migrate.ManifestApiMigration;
import dev.fluxboot.ui.Reporter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code migrate} over the engine: a plan, then the migration, in the cluster or in files. */
final class Migrations {

    private final World world;
    private final Reporter reporter;
    private final BuildInfo build;

    Migrations(World world, Reporter reporter, BuildInfo build) {
        this.world = world;
        this.reporter = reporter;
        this.build = build;
    }

    static void check(MigrateSpec spec, BuildInfo build) {
        if (spec.manifests().isPresent() && spec.version().isEmpty()) {
            throw new UsageException("--manifests requires --version: give the Flux release the manifests are of, "
                    + "e.g. --version=" + build.defaultFluxVersion());
        }
        spec.version().filter(v -> !v.equalsIgnoreCase(FluxReleases.LATEST)).ifPresent(FluxReleases::normalizeVersion);
        if (spec.path().isEmpty() && spec.extensions().isPresent()) {
            throw new UsageException("--extensions only applies with --path: give the folder to migrate with -f");
        }
        Requests.timeout(spec.timeout());
    }

    MigrationPlan plan(MigrateSpec spec) {
        check(spec, build);
        if (spec.path().isPresent()) {
            ManifestApiMigration.PathScan scan = scan(spec);
            List<String> lines = new ArrayList<>();
            scan.files().forEach(file -> file.upgrades().stream().map(ApiVersionUpgrade::describe).forEach(lines::add));
            return new MigrationPlan(lines, scan.skipped().stream().map(Path::toString).toList());
        }
        try (Cluster cluster = connect(spec)) {
            StorageMigration migration = cluster.storageMigration();
            List<CrdMigration> plan = crds(spec).map(migration::planFor).orElseGet(migration::planInstalled);
            List<String> lines = new ArrayList<>();
            for (CrdMigration crd : plan) {
                lines.add(crd.describe());
                crd.subjects().forEach(subject -> lines.add("  " + subject));
            }
            return new MigrationPlan(lines, List.of());
        }
    }

    /** @return what moved, one line each (files, or CRDs); empty when nothing needed to */
    List<String> migrate(MigrateSpec spec) {
        check(spec, build);
        if (spec.path().isPresent()) {
            List<String> migrated = new ArrayList<>();
            for (ManifestApiMigration.FileUpgrades file : scan(spec).files()) {
                ManifestApiMigration.write(file);
                reporter.success("file " + file.file() + " migrated successfully");
                migrated.add(file.file().toString());
            }
            return migrated;
        }
        try (Cluster cluster = connect(spec)) {
            StorageMigration migration = cluster.storageMigration();
            Optional<List<Map<String, Object>>> crds = crds(spec);
            List<CrdMigration> done = crds.isPresent()
                    ? migration.migrateFor(crds.get(), spec.timeout(), reporter)
                    : migration.migrateInstalled(spec.timeout(), reporter);
            return done.stream().map(CrdMigration::crd).toList();
        }
    }

    private ManifestApiMigration.PathScan scan(MigrateSpec spec) {
        FluxApiVersions target = FluxApiVersions.of(bundle(spec));
        return new ManifestApiMigration(target).scan(spec.path().orElseThrow(),
                spec.extensions().orElse(ManifestApiMigration.DEFAULT_EXTENSIONS));
    }

    private Optional<List<Map<String, Object>>> crds(MigrateSpec spec) {
        return spec.version().isEmpty() ? Optional.empty() : Optional.of(FluxApiVersions.crds(bundle(spec)));
    }

    private Bundle bundle(MigrateSpec spec) {
        return world.bundles().locate(spec.manifests(), spec.version());
    }

    private Cluster connect(MigrateSpec spec) {
        return world.clusters().connect(Requests.connection(spec.cluster()), spec.timeout());
    }
}
