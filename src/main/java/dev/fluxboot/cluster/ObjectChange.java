package dev.fluxboot.cluster;

/** What applying one object did, as Flux prints it: {@code Deployment/flux-system/x created}. */
public record ObjectChange(String kind, String namespace, String name, Action action) {

    public enum Action {
        CREATED("created"), CONFIGURED("configured"), UNCHANGED("unchanged");

        private final String word;

        Action(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** {@code Kind/namespace/name} or {@code Kind/name} for cluster-scoped objects. */
    public String subject() {
        return namespace == null || namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    @Override
    public String toString() {
        return subject() + " " + action.word();
    }
}
