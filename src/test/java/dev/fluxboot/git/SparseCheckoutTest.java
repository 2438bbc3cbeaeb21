package dev.fluxboot.git;

import dev.fluxboot.UsageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --sparse-checkout}: folders inside the repository, one of which holds {@code --path}; written as
 * given, as the Flux CLI writes them.
 */
class SparseCheckoutTest {

    private static List<String> folders(String list) {
        return Arrays.asList(list.split(",", -1));
    }

    @ParameterizedTest(name = "--sparse-checkout={0} --path={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // --sparse-checkout        | --path (cleaned)      | written
            "clusters/my-cluster        | clusters/my-cluster   | clusters/my-cluster",
            "clusters                   | clusters/my-cluster   | clusters",
            "apps,clusters,infra        | clusters/my-cluster   | apps,clusters,infra",
            "./clusters/                | clusters/my-cluster   | ./clusters/",
            "apps, clusters/            | clusters/a            | apps,clusters/"})
    void aPathInsideOneOfTheFoldersIsAccepted(String given, String path, String written) {
        assertThat(SparseCheckout.check(folders(given), path)).isEqualTo(folders(written));
    }

    @ParameterizedTest(name = "--sparse-checkout=''{0}''")
    @CsvSource(value = {"''", "' '"})
    void anEmptyValueIsNoSparseCheckout(String given) {
        assertThat(SparseCheckout.check(List.of(given), "")).isEmpty();
        assertThat(SparseCheckout.check(List.of(), "")).isEmpty();
    }

    @ParameterizedTest(name = "--sparse-checkout={0} --path={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "clusters/other       | clusters/my-cluster | --path \"clusters/my-cluster\" is not inside any "
                    + "--sparse-checkout folder (clusters/other), so the cluster would not see its Flux manifests: "
                    + "add it, e.g. --sparse-checkout=clusters/other,clusters/my-cluster",
            "clusters/my          | clusters/my-cluster | --path \"clusters/my-cluster\" is not inside any "
                    + "--sparse-checkout folder (clusters/my), so the cluster would not see its Flux manifests: "
                    + "add it, e.g. --sparse-checkout=clusters/my,clusters/my-cluster",
            "apps                 | \"\"                | --path the repository root is not inside any "
                    + "--sparse-checkout folder (apps), so the cluster would not see its Flux manifests: add a "
                    + "--path inside one of them",
            "apps,,clusters       | clusters            | --sparse-checkout \"\" is not a folder inside the "
                    + "repository: list the folders to check out, e.g. --sparse-checkout=clusters/my-cluster",
            "./                   | clusters            | --sparse-checkout \"./\" is not a folder inside the "
                    + "repository: list the folders to check out, e.g. --sparse-checkout=clusters/my-cluster",
            "../clusters          | clusters            | --sparse-checkout \"../clusters\" leaves the repository (..): "
                    + "give a folder relative to the repository root, e.g. --sparse-checkout=clusters/my-cluster",
            "/clusters            | clusters            | --sparse-checkout \"/clusters\" is absolute: give a folder "
                    + "relative to the repository root, e.g. --sparse-checkout=clusters/my-cluster"})
    void aFolderOutsideTheRepositoryOrAPathOutsideEveryFolderIsRefused(String given, String path, String message) {
        assertThatThrownBy(() -> SparseCheckout.check(folders(given), path))
                .isInstanceOf(UsageException.class)
                .hasMessage(message);
    }
}
