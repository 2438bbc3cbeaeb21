package dev.fluxboot.manifests.yaml;

/**
 * Whether go-yaml v2 reads a plain scalar as a timestamp (so the writer must quote such a
 * string). v2 requires four leading digits and a dash, then tries Go's time.Parse with four
 * layouts: {@code 2006-1-2T15:4:5.999999999Z07:00}, the same with a lower-case {@code t},
 * {@code 2006-1-2 15:4:5.999999999} and {@code 2006-1-2}. This class checks those layouts with
 * time.Parse's rules: one- or two-digit fields, range checks (month, day of that month, hour,
 * minute, second), an optional fraction after the seconds, {@code Z} or {@code ±hh:mm}, a
 * space in the layout matching one or more spaces, no trailing text.
 */
final class GoYamlTimestamp {

    private GoYamlTimestamp() {
    }

    static boolean isTimestamp(String s) {
        int i = 0;
        while (i < s.length() && isDigit(s, i)) {
            i++;
        }
        if (i != 4 || i == s.length() || s.charAt(i) != '-') {
            return false;
        }
        return matches(s, Separator.UPPER_T) || matches(s, Separator.LOWER_T)
                || matches(s, Separator.SPACE) || matches(s, Separator.DATE_ONLY);
    }

    private enum Separator { UPPER_T, LOWER_T, SPACE, DATE_ONLY }

    private static boolean matches(String s, Separator separator) {
        Cursor c = new Cursor(s);
        int year = Integer.parseInt(s.substring(0, 4));
        c.pos = 4;
        if (!c.literal('-')) {
            return false;
        }
        int month = c.number();
        if (month < 1 || month > 12 || !c.literal('-')) {
            return false;
        }
        int day = c.number();
        if (day < 0) {
            return false;
        }
        if (separator != Separator.DATE_ONLY) {
            boolean separated;
            if (separator == Separator.SPACE) {
                separated = c.spaces();
            } else {
                separated = c.literal(separator == Separator.UPPER_T ? 'T' : 't');
            }
            if (!separated) {
                return false;
            }
            int hour = c.number();
            if (hour < 0 || hour > 23 || !c.literal(':')) {
                return false;
            }
            int minute = c.number();
            if (minute < 0 || minute > 59 || !c.literal(':')) {
                return false;
            }
            int second = c.number();
            if (second < 0 || second > 59) {
                return false;
            }
            c.optionalFraction();
            if (separator != Separator.SPACE && !c.zone()) {
                return false;
            }
        }
        return c.pos == s.length() && day >= 1 && day <= daysIn(month, year);
    }

    private static int daysIn(int month, int year) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean literal(char expected) {
            if (pos < s.length() && s.charAt(pos) == expected) {
                pos++;
                return true;
            }
            return false;
        }

        /** A space in a Go layout: the value must have a space here (or end), all are skipped. */
        boolean spaces() {
            if (pos < s.length() && s.charAt(pos) != ' ') {
                return false;
            }
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
            return true;
        }

        /** One or two digits, or -1. */
        int number() {
            if (!isDigit(s, pos)) {
                return -1;
            }
            if (!isDigit(s, pos + 1)) {
                return s.charAt(pos++) - '0';
            }
            int n = (s.charAt(pos) - '0') * 10 + (s.charAt(pos + 1) - '0');
            pos += 2;
            return n;
        }

        void optionalFraction() {
            if (pos + 1 < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == ',')
                    && isDigit(s, pos + 1)) {
                pos++;
                while (isDigit(s, pos)) {
                    pos++;
                }
            }
        }

        boolean zone() {
            if (pos < s.length() && s.charAt(pos) == 'Z') {
                pos++;
                return true;
            }
            if (s.length() - pos < 6 || s.charAt(pos + 3) != ':') {
                return false;
            }
            char sign = s.charAt(pos);
            if (!isDigit(s, pos + 1) || !isDigit(s, pos + 2) || !isDigit(s, pos + 4)
                    || !isDigit(s, pos + 5)) {
                return false;
            }
            int hours = (s.charAt(pos + 1) - '0') * 10 + (s.charAt(pos + 2) - '0');
            int minutes = (s.charAt(pos + 4) - '0') * 10 + (s.charAt(pos + 5) - '0');
            if (hours > 24 || minutes > 60 || (sign != '+' && sign != '-')) {
                return false;
            }
            pos += 6;
            return true;
        }
    }
}
