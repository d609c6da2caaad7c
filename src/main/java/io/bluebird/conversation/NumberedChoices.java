package io.bluebird.conversation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.bluebird.model.QuickReply;

/**
 * Choices on channels without buttons (X, Bluesky): the offer goes out as numbered lines in the text, and a reply
 * that is just one of those numbers counts as tapping that choice. Scores (payloads such as {@code csat:4} or
 * {@code nps:0}) are numbered by their own value, so "reply 0 to 10" means what it says; other choices 1, 2, 3…
 */
public final class NumberedChoices {

    private static final Pattern SCORE = Pattern.compile("^[a-z]+:(\\d{1,2})$");
    private static final Pattern JUST_A_NUMBER = Pattern.compile("^\\s*(\\d{1,2})\\s*[.!]?\\s*$");

    private NumberedChoices() {
    }

    /** The text with one "number – title" line per choice appended; the text alone when there are none. */
    public static String render(String text, List<QuickReply> choices) {
        if (choices == null || choices.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text == null ? "" : text.strip());
        if (isScale(choices)) {
            out.append("\n\nReply with a number from ").append(numberOf(choices, 0)).append(" to ")
                    .append(numberOf(choices, choices.size() - 1)).append('.');
            return out.toString();
        }
        out.append("\n");
        for (int i = 0; i < choices.size(); i++) {
            out.append('\n').append(numberOf(choices, i)).append(" - ").append(choices.get(i).title());
        }
        out.append("\n\nReply with the number of your choice.");
        return out.toString();
    }

    /** The payload of the choice whose number is the whole of {@code text}, if it is one of the offered ones. */
    public static Optional<String> match(String text, List<QuickReply> offered) {
        if (text == null || offered == null || offered.isEmpty()) {
            return Optional.empty();
        }
        Matcher number = JUST_A_NUMBER.matcher(text);
        if (!number.matches()) {
            return Optional.empty();
        }
        int typed = Integer.parseInt(number.group(1));
        for (int i = 0; i < offered.size(); i++) {
            if (numberOf(offered, i) == typed) {
                return Optional.of(offered.get(i).payload());
            }
        }
        return Optional.empty();
    }

    private static boolean isScale(List<QuickReply> choices) {
        return choices.stream().allMatch(c -> c.payload() != null && SCORE.matcher(c.payload()).matches());
    }

    private static int numberOf(List<QuickReply> choices, int index) {
        if (isScale(choices)) {
            Matcher score = SCORE.matcher(choices.get(index).payload());
            score.matches();
            return Integer.parseInt(score.group(1));
        }
        return index + 1;
    }
}
