package dev.fluxboot.terraform;

import dev.fluxboot.FluxbootException;
import dev.fluxboot.api.ForgeRepository;
import dev.fluxboot.api.GitCredentials;
import dev.fluxboot.api.Secret;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A forge resource's settings as the API's {@link ForgeRepository} and {@link GitCredentials}: what
 * {@code fluxboot bootstrap <forge>} builds from its flags of the same names, with the provider's
 * token. Over SSH the cluster gets a deploy key: the provider's {@code git.ssh.private_key}, else the
 * one already in the cluster's Secret, else a new one; the tool itself clones and pushes over HTTPS
 * with the token.
 */
final class ForgeRepositories {

    private ForgeRepositories() {
    }

    static ForgeRepository of(ForgeSettings forge, Optional<SensitiveText> token) {
        SensitiveText value = token.orElseThrow(() -> new FluxbootException("no " + forge.type().label()
                + " token: set the provider's forge.token, or " + forge.type().tokenVariable() + " in terraform's environment"));
        return ForgeRepository.builder(forge.type())
                .token(Secret.of(value.reveal()))
                .owner(forge.owner())
                .name(forge.repository())
                .personal(forge.personal())
                .hostname(forge.hostname())
                .visibility(forge.privateRepository(), forge.visibility())
                .teams(forge.teams())
                .apiUrl(forge.apiUrl().orElse(null))
                .caFile(forge.caFile().map(Path::of).orElse(null))
                .reconcile(forge.reconcile())
                .readWriteKey(forge.readWriteKey())
                .deployTokenAuth(forge.deployTokenAuth())
                .username(forge.username())
                .build();
    }

    /** As {@code bootstrap <forge>}'s credential flags: user {@code git}, the SSH key and host key algorithms of {@code git.ssh}. */
    static GitCredentials credentials(ForgeSettings forge, Optional<ProviderConfig.Ssh> ssh) {
        GitCredentials.Builder credentials = GitCredentials.builder()
                .username("git")
                .tokenAuth(forge.tokenAuth())
                .sshHostname(forge.sshHostname().orElse(null))
                .caFile(forge.caFile().map(Path::of).orElse(null));
        ssh.ifPresent(settings -> {
            settings.privateKey().ifPresent(key -> credentials.privateKey(Secret.of(key.reveal())));
            credentials.hostKeyAlgorithms(settings.hostkeyAlgos());
        });
        return credentials.build();
    }
}
