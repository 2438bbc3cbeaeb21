package dev.fluxboot.manifests.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector in its string form ({@code k8s.io/apimachinery labels.Parse}), as
 * kustomize's {@code labelSelector} and {@code annotationSelector} targets use it: requirements
 * separated by commas, each {@code key}, {@code !key}, {@code key=value}, {@code key==value},
 * {@code key!=value}, {@code key in (a,b)}, {@code key notin (a,b)}, {@code key>1} or
 * {@code key<1}. The empty selector matches everything.
 */
final class LabelSelector {

    /** A selector that does not parse; the message says where. */
    static final class InvalidSelectorException extends Exception {
        InvalidSelectorException(String message) {
            super(message);
        }
    }

    private enum Operator { EXISTS, NOT_EXISTS, EQUALS, NOT_EQUALS, IN, NOT_IN, GREATER, LESS }

    private record Requirement(String key, Operator operator, List<String> values) {

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case EXISTS -> labels.containsKey(key);
                case NOT_EXISTS -> !labels.containsKey(key);
                case EQUALS, IN -> labels.containsKey(key) && values.contains(value);
                case NOT_EQUALS, NOT_IN -> !labels.containsKey(key) || !values.contains(value);
                case GREATER, LESS -> compares(value);
            };
        }

        private boolean compares(String value) {
            if (value == null) {
                return false;
            }
            try {
                long actual = Long.parseLong(value);
                long bound = Long.parseLong(values.get(0));
                return operator == Operator.GREATER ? actual > bound : actual < bound;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /** Characters that end an identifier in the Kubernetes selector lexer. */
    private static final Set<Character> SPECIAL = Set.of('!', '=', ',', '(', ')', '<', '>', ' ', '\t', '\n', '\r');

    private final String text;
    private final List<Requirement> requirements;
    private int position;

    private LabelSelector(String text) {
        this.text = text;
        this.requirements = new ArrayList<>();
    }

    static LabelSelector parse(String text) throws InvalidSelectorException {
        LabelSelector selector = new LabelSelector(text);
        selector.parseRequirements();
        return selector;
    }

    boolean matches(Map<String, String> labels) {
        for (Requirement requirement : requirements) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    private void parseRequirements() throws InvalidSelectorException {
        skipSpaces();
        if (position == text.length()) {
            return;
        }
        while (true) {
            requirements.add(requirement());
            skipSpaces();
            if (position == text.length()) {
                return;
            }
            expect(',');
        }
    }

    private Requirement requirement() throws InvalidSelectorException {
        skipSpaces();
        if (peek() == '!') {
            position++;
            return new Requirement(identifier("a label key after !"), Operator.NOT_EXISTS, List.of());
        }
        String key = identifier("a label key");
        skipSpaces();
        if (position == text.length() || peek() == ',') {
            return new Requirement(key, Operator.EXISTS, List.of());
        }
        if (text.startsWith("==", position)) {
            position += 2;
            return new Requirement(key, Operator.EQUALS, List.of(optionalIdentifier()));
        }
        if (text.startsWith("!=", position)) {
            position += 2;
            return new Requirement(key, Operator.NOT_EQUALS, List.of(optionalIdentifier()));
        }
        char c = peek();
        if (c == '=' || c == '>' || c == '<') {
            position++;
            Operator operator = c == '=' ? Operator.EQUALS : c == '>' ? Operator.GREATER : Operator.LESS;
            String value = operator == Operator.EQUALS ? optionalIdentifier() : identifier("a number after " + c);
            if (operator != Operator.EQUALS && !value.matches("-?[0-9]+")) {
                throw invalid("'" + value + "' is not an integer");
            }
            return new Requirement(key, operator, List.of(value));
        }
        String word = identifier("an operator");
        if (word.equals("in") || word.equals("notin")) {
            return new Requirement(key, word.equals("in") ? Operator.IN : Operator.NOT_IN, valueSet());
        }
        throw invalid("unknown operator '" + word + "'");
    }

    private List<String> valueSet() throws InvalidSelectorException {
        skipSpaces();
        expect('(');
        List<String> values = new ArrayList<>();
        while (true) {
            skipSpaces();
            values.add(optionalIdentifier());
            skipSpaces();
            if (peek() == ')') {
                position++;
                return values;
            }
            expect(',');
        }
    }

    private String optionalIdentifier() {
        skipSpaces();
        int start = position;
        while (position < text.length() && !SPECIAL.contains(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private String identifier(String what) throws InvalidSelectorException {
        String identifier = optionalIdentifier();
        if (identifier.isEmpty()) {
            throw invalid("expected " + what);
        }
        return identifier;
    }

    private void expect(char c) throws InvalidSelectorException {
        if (peek() != c) {
            throw invalid("expected '" + c + "'");
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private InvalidSelectorException invalid(String reason) {
        return new InvalidSelectorException("'" + text + "' is not a label selector: " + reason
                + " at character " + (position + 1));
    }
}
