package io.bluebird.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bluebird.BluebirdApplication;
import io.bluebird.broker.BrokerSettings;
import io.bluebird.broker.ConsumerSettings;
import io.bluebird.channel.bluesky.BlueskySettings;
import io.bluebird.channel.x.XSettings;
import io.bluebird.conversation.TicketSettings;
import io.bluebird.database.DatabaseSettings;
import io.bluebird.helpdesk.DeliverySettings;
import io.bluebird.helpdesk.HelpdeskConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

/**
 * A configuration the hub cannot work with stops its start-up, with one line that names the key, instead of failing
 * every message later (a poller every minute, a helpdesk every event on its way to the dead-letter queue). The
 * settings are bound as the hub binds them.
 */
class BrokenConfigurationTest {

    @EnableConfigurationProperties({XSettings.class, BlueskySettings.class,
            TicketSettings.class, BrokerSettings.class, DeliverySettings.class, DatabaseSettings.class,
            ConsumerSettings.Process.class, ConsumerSettings.Delivery.class})
    static class Settings {
    }

    private final ApplicationContextRunner hub = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, HelpdeskConfiguration.class)
            .withPropertyValues("bluebird.helpdesks.jms.type=jms", "bluebird.routing.default-helpdesk=jms");

    @Test
    void theDefaultsAndACompleteHelpdeskStart() {
        hub.withPropertyValues("bluebird.helpdesks.desk.type=zendesk",
                        "bluebird.helpdesks.desk.base-url=https://brand.zendesk.com",
                        "bluebird.helpdesks.desk.client-id=bluebird", "bluebird.helpdesks.desk.client-secret=s3cret",
                        "bluebird.routing.default-helpdesk=desk",
                        // configured but reached by no routing: set up later
                        "bluebird.helpdesks.later.type=freshdesk")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aRoutedHelpdeskWithoutItsSecretsStopsTheStart() {
        refused(hub.withPropertyValues("bluebird.helpdesks.desk.type=zendesk",
                        "bluebird.helpdesks.desk.base-url=https://brand.zendesk.com",
                        "bluebird.routing.default-helpdesk=desk"),
                "bluebird.helpdesks.desk.client-id and bluebird.helpdesks.desk.client-secret are empty (an OAuth"
                        + " client of Admin Center; or, until API tokens end on 2027-04-30, email and api-token), and"
                        + " bluebird.routing sends conversations to desk");
        refused(hub.withPropertyValues("bluebird.helpdesks.vips.type=rt", "bluebird.helpdesks.vips.base-url=https://rt",
                        "bluebird.routing.rules[0].name=vips", "bluebird.routing.rules[0].helpdesk=vips",
                        "bluebird.routing.rules[0].when.crm-vip=true"),
                "bluebird.helpdesks.vips.token is empty (or username and password), and bluebird.routing sends"
                        + " conversations to vips");
        refused(hub.withPropertyValues("bluebird.helpdesks.etl.type=webhook",
                        "bluebird.helpdesks.etl.secret=s3cret", "bluebird.routing.default-helpdesk=etl"),
                "bluebird.helpdesks.etl.base-url is empty, and bluebird.routing sends conversations to etl");
    }

    @Test
    void aRoutingRuleToAHelpdeskThatIsNotConfiguredStopsTheStart() {
        refused(hub.withPropertyValues("bluebird.routing.rules[0].name=vips", "bluebird.routing.rules[0].helpdesk=rt",
                        "bluebird.routing.rules[0].when.crm-vip=true"),
                "bluebird.routing.rules 'vips' sends to 'rt' but bluebird.helpdesks has only [jms]");
    }

    @Test
    void aPollingChannelWithoutItsSecretsStopsTheStart() {
        refused(hub.withPropertyValues("bluebird.x.poll.enabled=true", "bluebird.x.account-id=2244994945"),
                "bluebird.x.poll.enabled is true but bluebird.x.bearer-token is empty: mentions are read with the"
                        + " app's bearer token");
        refused(hub.withPropertyValues("bluebird.x.poll.enabled=true", "bluebird.x.account-id=2244994945",
                        "bluebird.x.bearer-token=app-token"),
                "bluebird.x.poll.enabled is true but bluebird.x.client-id is empty: DMs are read as the brand account"
                        + " (OAuth 2.0), or set bluebird.x.poll.direct-messages: false");
        hub.withPropertyValues("bluebird.x.poll.enabled=true", "bluebird.x.account-id=2244994945",
                        "bluebird.x.bearer-token=app-token", "bluebird.x.poll.direct-messages=false")
                .run(context -> assertThat(context).as("mentions only").hasNotFailed());
        refused(hub.withPropertyValues("bluebird.bluesky.poll.enabled=true",
                        "bluebird.bluesky.identifier=brand.bsky.social"),
                "bluebird.bluesky.poll.enabled is true but bluebird.bluesky.identifier or"
                        + " bluebird.bluesky.app-password is empty");
    }

    @Test
    void aTicketHistoryOtherThanCreatedOrAlwaysStopsTheStart() {
        hub.withPropertyValues("bluebird.tickets.history=always").run(context ->
                assertThat(context.getBean(TicketSettings.class).history()).isEqualTo(TicketSettings.History.ALWAYS));
        hub.withPropertyValues("bluebird.tickets.history=sometimes").run(context ->
                assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("Failed to bind properties under 'bluebird.tickets.history'"));
    }

    @Test
    void theBrokerKeysHaveTheirDefaultsAndAMessageIsTriedAtLeastOnce() {
        hub.run(context -> {
            BrokerSettings broker = context.getBean(BrokerSettings.class);
            assertThat(broker.maxDeliveryAttempts()).isEqualTo(10);
            assertThat(broker.memory().toMegabytes()).isEqualTo(32);
            assertThat(broker.listen()).isEqualTo("tcp://127.0.0.1:61616");
            assertThat(broker.clientParameters()).contains("callTimeout=5000");
            assertThat(broker.healthTimeout().toMillis()).isEqualTo(500);
        });
        hub.withPropertyValues("bluebird.broker.listen=").run(context ->
                assertThat(context.getBean(BrokerSettings.class).listen()).isEmpty());
        refused(hub.withPropertyValues("bluebird.broker.max-delivery-attempts=0"),
                "bluebird.broker.max-delivery-attempts must be at least 1, not 0");
    }

    @Test
    void aStageWithoutConsumersOrWithEmptyBatchesStopsTheStart() {
        hub.run(context -> {
            assertThat(context.getBean(ConsumerSettings.Process.class)).isEqualTo(new ConsumerSettings.Process(2, 32));
            assertThat(context.getBean(ConsumerSettings.Delivery.class).batchSize()).isEqualTo(32);
        });
        refused(hub.withPropertyValues("bluebird.process.consumers=0"),
                "bluebird.process.consumers must be 1 or more, not 0");
        refused(hub.withPropertyValues("bluebird.delivery.batch-size=0"),
                "bluebird.delivery.batch-size must be 1 or more, not 0");
    }

    @Test
    void retryDelaysAreDurationsAndABareNumberIsMilliseconds() {
        hub.run(context -> {
            DeliverySettings delivery = context.getBean(DeliverySettings.class);
            assertThat(delivery.redeliveryDelay()).hasSeconds(1);
            assertThat(delivery.maxRedeliveryDelay()).hasSeconds(60);
            assertThat(context.getBean(DatabaseSettings.class).retryDelay()).hasSeconds(5);
        });
        hub.withPropertyValues("bluebird.delivery.redelivery-delay=50", "bluebird.delivery.max-redelivery-delay=2m",
                "bluebird.database.retry-delay=250ms").run(context -> {
            assertThat(context.getBean(DeliverySettings.class).redeliveryDelay()).hasMillis(50);
            assertThat(context.getBean(DeliverySettings.class).maxRedeliveryDelay()).hasMinutes(2);
            assertThat(context.getBean(DatabaseSettings.class).retryDelay()).hasMillis(250);
        });
        refused(hub.withPropertyValues("bluebird.delivery.redelivery-delay=10s",
                        "bluebird.delivery.max-redelivery-delay=5s"),
                "bluebird.delivery.max-redelivery-delay (PT5S) must be at least bluebird.delivery.redelivery-delay (PT10S)");
    }

    /** The whole hub: a helpdesk type is a route template in routes/, known once Camel has read them. */
    @Test
    void anUnknownHelpdeskTypeStopsTheStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(BluebirdApplication.class).properties(
                        "server.port=0", "spring.datasource.url=jdbc:h2:mem:broken-configuration;DB_CLOSE_DELAY=-1",
                        "spring.artemis.embedded.persistent=false", "bluebird.helpdesks.desk.type=zendeks",
                        "bluebird.routing.default-helpdesk=desk").run().close())
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
                        .isEqualTo("bluebird.helpdesks.desk.type is 'zendeks': no route template zendeks-delivery in"
                                + " routes/"));
    }

    private static void refused(ApplicationContextRunner hub, String line) {
        hub.run(context -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
                .hasMessage(line));
    }
}
