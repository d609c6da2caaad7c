package io.bluebird.survey;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluebird.survey.*}: which survey a solved conversation gets, in which words, and when none is sent.
 * Per-channel entries override the type and language, and give the channel's messaging window (Messenger: 24 h),
 * after which an automated message may not be sent at all.
 *
 * @param enabled Whether solved conversations are surveyed (default true).
 * @param type csat (1 to 5) or nps (0 to 10).
 * @param language The language of the texts, a key of wording (default en).
 * @param quietPeriod A customer surveyed within this time is not surveyed again (default 30d).
 * @param answerWindow How long after the survey an answer counts (default 72h).
 * @param commentWindow How long after an answer the customer's next words are its comment (default 10m).
 * @param alsoTo One more helpdesk that gets every survey.completed event.
 * @param channels Per channel: type, language and messaging-window overrides.
 * @param wording The texts per language: csat, nps and thanks; {name} is the customer's name.
 * @param metricsRefresh How often the survey gauges on /actuator/prometheus are computed again (default 1m).
 */
@ConfigurationProperties("bluebird.survey")
public record SurveySettings(
        boolean enabled,
        String type,
        String language,
        Duration quietPeriod,
        Duration answerWindow,
        Duration commentWindow,
        String alsoTo,
        Map<String, Channel> channels,
        Map<String, Wording> wording,
        Duration metricsRefresh) {

    public SurveySettings {
        type = type == null ? "csat" : type;
        language = language == null ? "en" : language;
        quietPeriod = quietPeriod == null ? Duration.ofDays(30) : quietPeriod;
        answerWindow = answerWindow == null ? Duration.ofHours(72) : answerWindow;
        commentWindow = commentWindow == null ? Duration.ofMinutes(10) : commentWindow;
        channels = channels == null ? Map.of() : Map.copyOf(channels);
        wording = wording == null ? Map.of() : Map.copyOf(wording);
        metricsRefresh = metricsRefresh == null ? Duration.ofMinutes(1) : metricsRefresh;
        if (metricsRefresh.isNegative() || metricsRefresh.isZero()) {
            throw new IllegalArgumentException("bluebird.survey.metrics-refresh must be longer than 0, not "
                    + metricsRefresh);
        }
    }

    public record Channel(String type, String language, Duration messagingWindow) {
    }

    /** The texts of one language; {@code {name}} is replaced by the customer's name. */
    public record Wording(String csat, String nps, String thanks) {
    }

    public SurveyType typeFor(String channel) {
        Channel c = channels.get(channel);
        return SurveyType.of(c != null && c.type() != null ? c.type() : type);
    }

    public Wording wordingFor(String channel) {
        Channel c = channels.get(channel);
        String lang = c != null && c.language() != null ? c.language() : language;
        Wording words = wording.getOrDefault(lang, wording.get("en"));
        if (words == null) {
            throw new IllegalStateException("bluebird.survey.wording has no texts for language '" + lang + "'");
        }
        return words;
    }

    /** How long after the customer's last message the channel still lets the hub write to them; null: no limit. */
    public Duration messagingWindowOf(String channel) {
        Channel c = channels.get(channel);
        return c == null ? null : c.messagingWindow();
    }
}
