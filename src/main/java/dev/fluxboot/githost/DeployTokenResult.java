package dev.fluxboot.githost;

import java.util.List;
import java.util.Optional;

/**
 * What {@link DeployTokenHost#ensureDeployToken} did.
 *
 * @param created the new token when one was created (the Secret must get it); empty when the
 *                Secret's token is still valid, or in a dry run
 * @param changes what was (or, in a dry run, would be) changed
 */
public record DeployTokenResult(Optional<DeployToken> created, List<HostChange> changes) {

    public DeployTokenResult {
        changes = List.copyOf(changes);
    }
}
