package dev.fluxboot.git;

import dev.fluxboot.UsageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code --path} accepts (a folder inside the repository) and how it is written out. */
class RepositoryPathTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "clusters/prod|clusters/prod",
            "./clusters/prod/|clusters/prod",
            "' clusters/prod '|clusters/prod",
            "clusters//prod|clusters/prod",
            "clusters/./prod|clusters/prod",
            ".|''",
            "''|''",
            "./|''",
            "my cluster/é|my cluster/é",
            "..a/b..|..a/b.."})
    void aFolderInsideTheRepositoryIsAccepted(String given, String value) {
        assertThat(RepositoryPath.parse("--path", given).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "..|--path \"..\" leaves the repository (..)",
            "../x|--path \"../x\" leaves the repository (..)",
            "a/../../b|--path \"a/../../b\" leaves the repository (..)",
            "a/../b|--path \"a/../b\" leaves the repository (..)",
            "/abs|--path \"/abs\" is absolute",
            "//server/share|--path \"//server/share\" is absolute",
            ".git/hooks|--path \".git/hooks\" names Git's own .git folder",
            "a/.GIT|--path \"a/.GIT\" names Git's own .git folder",
            "a\\b|--path \"a\\\\b\" has a backslash (folders are separated by /)"})
    void aPathThatLeavesTheRepositoryIsRefusedNamingIt(String given, String start) {
        assertThatThrownBy(() -> RepositoryPath.parse("--path", given))
                .isInstanceOf(UsageException.class)
                .hasMessage(start + ": give a folder relative to the repository root, e.g. --path=clusters/my-cluster");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0a|\"a\\nb\"",
            "1b|\"a\\u001bb\"",
            "00|\"a\\u0000b\"",
            "7f|\"a\\u007fb\"",
            "202e|\"a\\u202eb\""})
    void controlCharactersAreRefusedAndShownAsEscapes(String hex, String shown) {
        String given = "a" + (char) Integer.parseInt(hex, 16) + "b";

        assertThatThrownBy(() -> RepositoryPath.parse("--path", given))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--path " + shown + " has a control character")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(given.substring(1, 2)));
    }
}
