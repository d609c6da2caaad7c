package io.bluebird.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurveyTypeTest {

    @Test
    void aScoreIsATappedPayloadOfTheRightTypeOrABareNumberInRange() {
        assertThat(SurveyType.CSAT.scoreOf("csat:4", "★★★★")).contains(4);
        assertThat(SurveyType.CSAT.scoreOf("nps:4", "4")).as("another survey's payload").isEmpty();
        assertThat(SurveyType.CSAT.scoreOf("choice:order", null)).isEmpty();
        assertThat(SurveyType.CSAT.scoreOf(null, " 5 ")).contains(5);
        assertThat(SurveyType.CSAT.scoreOf(null, "0")).isEmpty();
        assertThat(SurveyType.CSAT.scoreOf(null, "5 stars")).isEmpty();
        assertThat(SurveyType.NPS.scoreOf(null, "0")).contains(0);
        assertThat(SurveyType.NPS.scoreOf(null, "10")).contains(10);
        assertThat(SurveyType.NPS.scoreOf(null, "11")).isEmpty();
    }

    @Test
    void theChoicesAreTheScale() {
        assertThat(SurveyType.NPS.choices()).hasSize(11);
        assertThat(SurveyType.NPS.scale()).isEqualTo("0-10");
        assertThat(SurveyType.CSAT.choices().get(0).payload()).isEqualTo("csat:1");
        assertThat(SurveyType.of("NPS")).isEqualTo(SurveyType.NPS);
    }
}
