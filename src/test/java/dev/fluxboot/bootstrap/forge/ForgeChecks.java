package dev.fluxboot.bootstrap.forge;

import dev.fluxboot.testing.RecordingReporter;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.git.RemoteBranch;
import dev.fluxboot.git.SshKeyPair;
import dev.fluxboot.testing.forge.ForgeTestBed;

import java.util.Map;

/** Checks made from outside the tool, with what the cluster holds. */
final class ForgeChecks {

    private ForgeChecks() {
    }

    /** Whether the SSH Git server lets the Secret's key fetch {@code main} of the sync URL. */
    static boolean canFetch(ForgeTestBed bed, String sshUrl, Map<String, String> secret) {
        SshKeyPair key = SshKeyPair.parse(secret.get("identity"), secret.get("password"), "the test's Secret");
        try (RemoteBranch branch = RemoteBranch.fetch(bed.sshRemote(sshUrl, key), "main",
                new dev.fluxboot.testing.RecordingReporter())) {
            return branch.head().isPresent();
        } catch (FluxbootException e) {
            return false;
        }
    }
}
