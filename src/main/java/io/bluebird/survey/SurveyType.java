package io.bluebird.survey;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.bluebird.model.QuickReply;

/** CSAT (how satisfied, 1 to 5) or NPS (how likely to recommend, 0 to 10): the scale and how an answer reads. */
public enum SurveyType {
    CSAT("csat", 1, 5),
    NPS("nps", 0, 10);

    private static final Pattern BARE_NUMBER = Pattern.compile("^\\s*(\\d{1,2})\\s*[.!]?\\s*$");

    private final String value;
    private final int lowest;
    private final int highest;

    SurveyType(String value, int lowest, int highest) {
        this.value = value;
        this.lowest = lowest;
        this.highest = highest;
    }

    public static SurveyType of(String value) {
        for (SurveyType type : values()) {
            if (type.value.equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("survey type must be csat or nps, not '" + value + "'");
    }

    public String value() {
        return value;
    }

    /** e.g. {@code 1-5}, as the TicketEvent's survey.scale says it. */
    public String scale() {
        return lowest + "-" + highest;
    }

    /** One quick reply per score, payloads {@code csat:1}…: NPS's eleven fit in Messenger's thirteen. */
    public List<QuickReply> choices() {
        return IntStream.rangeClosed(lowest, highest)
                .mapToObj(score -> new QuickReply(title(score), value + ":" + score)).toList();
    }

    private String title(int score) {
        return this == CSAT ? "★".repeat(score) : String.valueOf(score);
    }

    /** The score a customer gave: their quick-reply payload, or a DM that is only a number in range. */
    public Optional<Integer> scoreOf(String quickReplyPayload, String text) {
        if (quickReplyPayload != null) {
            if (!quickReplyPayload.startsWith(value + ":")) {
                return Optional.empty();
            }
            return inRange(quickReplyPayload.substring(value.length() + 1));
        }
        if (text == null) {
            return Optional.empty();
        }
        Matcher number = BARE_NUMBER.matcher(text);
        return number.matches() ? inRange(number.group(1)) : Optional.empty();
    }

    private Optional<Integer> inRange(String digits) {
        try {
            int score = Integer.parseInt(digits);
            return score >= lowest && score <= highest ? Optional.of(score) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
