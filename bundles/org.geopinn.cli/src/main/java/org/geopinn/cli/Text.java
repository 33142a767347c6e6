package org.geopinn.cli;

/** Text in one-line messages: user text is quoted cut to a readable length. */
final class Text {
    /** Longest quote of user text in a message. */
    static final int QUOTE = 200;

    private Text() {
    }

    /**
     * @param s a text (may be null)
     * @param max the most characters to keep
     * @return the text on one line, cut to {@code max} characters with "…" and the full length when longer
     */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        String line = s.replaceAll("\\s*\\R\\s*", " ");
        if (line.length() <= max) {
            return line;
        }
        int end = max;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + "… (" + line.length() + " characters)";
    }

    /** @param s user text @return it cut to {@value #QUOTE} characters */
    static String quote(String s) {
        return cut(s, QUOTE);
    }
}
