package io.bluebird.model;

/**
 * U+0000 in what the hub takes in. PostgreSQL's text columns refuse it (H2 keeps it), so a message carrying one would
 * be acknowledged and then fail in processing on every redelivery; the hub replaces it with U+FFFD, the replacement
 * character, on every database alike. The length stays the same, so the door's length limits still hold.
 */
public final class Nul {

    static final char REPLACEMENT = '\uFFFD';

    private Nul() {
    }

    /** The text with every U+0000 replaced by U+FFFD; null stays null. */
    public static String replaced(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', REPLACEMENT);
    }
}
