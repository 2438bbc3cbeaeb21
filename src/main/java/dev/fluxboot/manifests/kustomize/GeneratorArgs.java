package dev.fluxboot.manifests.kustomize;

import java.util.List;

/**
 * One {@code configMapGenerator} or {@code secretGenerator} entry.
 *
 * @param where    for messages: {@code <file>: secretGenerator[0] (name creds)}
 * @param kind     ConfigMap or Secret
 * @param behavior create, replace, merge, or "" when not given (kustomize then creates)
 * @param type     the Secret's type, "" for Opaque; "" for a ConfigMap
 * @param envs     env files ({@code env} included), read first, then the literals, then the files
 */
record GeneratorArgs(String where, String kind, String name, String namespace, String behavior, String type,
                     List<String> literals, List<String> files, List<String> envs, GeneratorOptions options) {

    boolean isSecret() {
        return kind.equals("Secret");
    }
}
