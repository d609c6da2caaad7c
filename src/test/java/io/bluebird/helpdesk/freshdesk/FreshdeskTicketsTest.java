package io.bluebird.helpdesk.freshdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.bluebird.model.Priority;
import org.junit.jupiter.api.Test;

class FreshdeskTicketsTest {

    @Test
    void theLookupTagFitsFreshdesksThirtyTwoCharacters() {
        String tag = FreshdeskTickets.lookupTag("26ACD845-2F4E-3B9C-1D5A-7E8F9012ABCD");
        assertThat(tag).isEqualTo("bb26acd8452f4e3b9c1d5a7e8f9012ab").hasSize(32);
    }

    @Test
    void textBecomesSafeHtml() {
        assertThat(FreshdeskTickets.html("a < b & \"c\"\nnext")).isEqualTo("a &lt; b &amp; &quot;c&quot;<br>next");
    }

    @Test
    void prioritiesAreFreshdesksNumbers() {
        assertThat(FreshdeskTickets.priority(Priority.LOW)).isEqualTo(1);
        assertThat(FreshdeskTickets.priority(Priority.URGENT)).isEqualTo(4);
    }
}
