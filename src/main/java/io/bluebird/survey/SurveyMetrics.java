package io.bluebird.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Surveys in {@code /actuator/prometheus}: sent, answered, response rate, CSAT average and NPS per channel, helpdesk
 * and survey type, read from the database so that they are the whole hub's figures (every instance, every
 * restart), refreshed every {@code bluebird.survey.metrics-refresh} and whenever a survey is sent or answered.
 */
@Component
public class SurveyMetrics implements SchedulingConfigurer {

    private static final Duration FIRST_REFRESH = Duration.ofSeconds(5);

    private final SurveyStore store;
    private final Duration every;
    private final Clock clock;
    private final MultiGauge sent;
    private final MultiGauge answered;
    private final MultiGauge responseRate;
    private final MultiGauge csatAverage;
    private final MultiGauge nps;

    public SurveyMetrics(MeterRegistry registry, SurveyStore store, Clock clock, SurveySettings settings) {
        this.store = store;
        this.every = settings.metricsRefresh();
        this.clock = clock;
        this.sent = MultiGauge.builder("bluebird.surveys.sent").description("Surveys sent")
                .register(registry);
        this.answered = MultiGauge.builder("bluebird.surveys.answered").description("Surveys answered")
                .register(registry);
        this.responseRate = MultiGauge.builder("bluebird.surveys.response.rate")
                .description("Answered surveys / sent surveys").register(registry);
        this.csatAverage = MultiGauge.builder("bluebird.surveys.csat.average")
                .description("Mean CSAT score (1-5)").register(registry);
        this.nps = MultiGauge.builder("bluebird.surveys.nps")
                .description("Net Promoter Score (-100 to 100)").register(registry);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, every, FIRST_REFRESH));
    }

    public void refresh() {
        List<SurveySummary.Row> rows = store.summary(Instant.EPOCH, clock.instant().plusSeconds(1));
        List<MultiGauge.Row<?>> sentRows = new ArrayList<>();
        List<MultiGauge.Row<?>> answeredRows = new ArrayList<>();
        List<MultiGauge.Row<?>> rateRows = new ArrayList<>();
        List<MultiGauge.Row<?>> csatRows = new ArrayList<>();
        List<MultiGauge.Row<?>> npsRows = new ArrayList<>();
        for (SurveySummary.Row row : rows) {
            Tags tags = tags(row.channel(), row.helpdesk(), SurveyType.of(row.type()));
            sentRows.add(MultiGauge.Row.of(tags, row.sent()));
            answeredRows.add(MultiGauge.Row.of(tags, row.answered()));
            if (row.responseRate() != null) {
                rateRows.add(MultiGauge.Row.of(tags, row.responseRate()));
            }
            if (row.csatAverage() != null) {
                csatRows.add(MultiGauge.Row.of(tags, row.csatAverage()));
            }
            if (row.nps() != null) {
                npsRows.add(MultiGauge.Row.of(tags, row.nps()));
            }
        }
        sent.register(sentRows, true);
        answered.register(answeredRows, true);
        responseRate.register(rateRows, true);
        csatAverage.register(csatRows, true);
        nps.register(npsRows, true);
    }

    private static Tags tags(String channel, String helpdesk, SurveyType type) {
        return Tags.of("channel", channel, "helpdesk", helpdesk == null ? "" : helpdesk, "type", type.value());
    }
}
