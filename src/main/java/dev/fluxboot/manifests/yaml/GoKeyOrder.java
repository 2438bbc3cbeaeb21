package dev.fluxboot.manifests.yaml;

import java.util.Comparator;

/**
 * The order in which go-yaml v2 writes the keys of a map whose keys are strings (what every
 * map decoded from JSON has): a "natural" order over code points where letters sort after
 * every non-letter, two letters compare by code point, and runs of digits compare by their
 * numeric value (shorter run first when the values tie).
 */
final class GoKeyOrder implements Comparator<String> {

    static final GoKeyOrder INSTANCE = new GoKeyOrder();

    private GoKeyOrder() {
    }

    @Override
    public int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int[] ar = a.codePoints().toArray();
        int[] br = b.codePoints().toArray();
        if (less(ar, br)) {
            return -1;
        }
        return less(br, ar) ? 1 : 0;
    }

    /** Whether key {@code a} sorts before key {@code b}. */
    static boolean less(String a, String b) {
        return less(a.codePoints().toArray(), b.codePoints().toArray());
    }

    static boolean less(int[] ar, int[] br) {
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                continue;
            }
            boolean aLetter = Character.isLetter(ar[i]);
            boolean bLetter = Character.isLetter(br[i]);
            if (aLetter && bLetter) {
                return ar[i] < br[i];
            }
            if (aLetter || bLetter) {
                return bLetter;
            }
            long an = 0;
            long bn = 0;
            // When a zero starts the differing run, a non-zero digit just before it (in the
            // shared prefix) means the run continues a number: both sides start from 1 so
            // that the comparison below still orders by the digits that follow.
            if (ar[i] == '0' || br[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
                an = an * 10 + (ar[ai] - '0');
            }
            int bi = i;
            for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
                bn = bn * 10 + (br[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return ar[i] < br[i];
        }
        return ar.length < br.length;
    }
}
