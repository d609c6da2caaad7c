package io.bluebird.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import io.bluebird.model.QuickReply;
import org.junit.jupiter.api.Test;

class NumberedChoicesTest {

    static final List<QuickReply> TOPICS = List.of(new QuickReply("Order problem", "choice:order"),
            new QuickReply("Billing", "choice:billing"), new QuickReply("Something else", "choice:other"));
    static final List<QuickReply> NPS = IntStream.rangeClosed(0, 10)
            .mapToObj(i -> new QuickReply(String.valueOf(i), "nps:" + i)).toList();

    @Test
    void topicsAreNumberedFromOne() {
        assertThat(NumberedChoices.render("What is it about?", TOPICS)).isEqualTo("""
                What is it about?

                1 - Order problem
                2 - Billing
                3 - Something else

                Reply with the number of your choice.""");
        assertThat(NumberedChoices.match(" 2 ", TOPICS)).contains("choice:billing");
        assertThat(NumberedChoices.match("0", TOPICS)).isEmpty();
        assertThat(NumberedChoices.match("4", TOPICS)).isEmpty();
    }

    @Test
    void scoresAreNumberedByTheirValue() {
        assertThat(NumberedChoices.render("How likely are you to recommend us?", NPS))
                .endsWith("Reply with a number from 0 to 10.");
        assertThat(NumberedChoices.match("0", NPS)).contains("nps:0");
        assertThat(NumberedChoices.match("10!", NPS)).contains("nps:10");
        assertThat(NumberedChoices.match("11", NPS)).isEmpty();
    }

    @Test
    void onlyABareNumberIsAChoice() {
        assertThat(NumberedChoices.match("2 items are missing", TOPICS)).isEmpty();
        assertThat(NumberedChoices.match("order 2", TOPICS)).isEmpty();
        assertThat(NumberedChoices.match("2", List.of())).isEmpty();
        assertThat(NumberedChoices.render("Thanks!", List.of())).isEqualTo("Thanks!");
    }
}
