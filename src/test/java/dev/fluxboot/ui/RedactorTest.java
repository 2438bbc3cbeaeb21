package dev.fluxboot.ui;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    @Test
    void secretValuesArePulledOutOfMessagesPlainAndBase64() {
        String message = "bad value hunter22 or aHVudGVyMjI= for key password";

        assertThat(Redactor.of("hunter22").redact(message)).isEqualTo("bad value *** or *** for key password");
    }

    @Test
    void eachLongLineOfAMultiLineSecretIsMaskedOnItsOwn() {
        String key = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";

        String redacted = Redactor.of(key).redact("could not parse MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg here");

        assertThat(redacted).isEqualTo("could not parse *** here");
    }

    @Test
    void httpUserInfoGoesWholeAndOtherSchemesKeepTheUserName() {
        Redactor redactor = new Redactor(List.of());

        assertThat(redactor.redact("fetch https://git:s3cr3t-token@host/o/r.git failed"))
                .isEqualTo("fetch https://host/o/r.git failed");
        assertThat(redactor.redact("ssh://git:pw@host:22/o/r")).isEqualTo("ssh://git@host:22/o/r");
    }

    @Test
    void passwordPairsAndShortValuesAreHandled() {
        Redactor redactor = Redactor.of("abc", "tok3n-value");

        assertThat(redactor.redact("password=hunter2 abc tok3n-value"))
                .isEqualTo("password=*** abc ***");
    }

    @Test
    void theToolsOwnMessagesKeepTheirWordsAndLoseTheSecretValues() {
        Redactor redactor = Redactor.of("pass", "insecure-http", "hunter2-very-secret");

        assertThat(redactor.redactMessage("scheme http is insecure, pass --allow-insecure-http=true to allow it;"
                + " the password or token: pass --password; bypass"))
                .isEqualTo("scheme http is insecure, pass --allow-insecure-http=true to allow it;"
                        + " the password or token: pass --password; bypass");
        assertThat(redactor.redactMessage("login of https://bot:hunter2-very-secret@git.example.com refused for"
                + " hunter2-very-secret")).isEqualTo("login of https://git.example.com refused for ***");
    }
}
