package io.bluebird.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Each helpdesk under bluebird.helpdesks is bound to its type's record, with that type's defaults. */
class HelpdeskConfigTest {

    private static HelpdeskConfig bound(Map<String, String> properties) {
        return HelpdeskConfig.from(new Binder(new MapConfigurationPropertySource(properties)));
    }

    @Test
    void eachTypeGetsItsOwnKeysAndDefaults() {
        HelpdeskConfig config = bound(Map.of(
                "bluebird.helpdesks.desk.type", "zendesk",
                "bluebird.helpdesks.desk.base-url", "https://brand.zendesk.com",
                "bluebird.helpdesks.desk.client-id", "bluebird",
                "bluebird.helpdesks.desk.custom-fields.crm-tier", "360001234568",
                "bluebird.helpdesks.fd.type", "freshdesk",
                "bluebird.helpdesks.rt.type", "rt",
                "bluebird.helpdesks.rt.timeout", "3s",
                "bluebird.helpdesks.jms.type", "jms",
                "bluebird.helpdesks.own.type", "servicenow",
                "bluebird.helpdesks.own.consumers", "2"));

        ZendeskSettings zendesk = config.helpdesk("desk", ZendeskSettings.class);
        assertThat(zendesk.clientId()).isEqualTo("bluebird");
        assertThat(zendesk.customFields()).containsEntry("crm-tier", "360001234568");
        assertThat(zendesk.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(zendesk.requestsPerMinute()).isEqualTo(200);
        assertThat(zendesk.updatesPerMinute()).isEqualTo(100);
        assertThat(zendesk.consumers()).isEqualTo(4);
        FreshdeskSettings freshdesk = config.helpdesk("fd", FreshdeskSettings.class);
        assertThat(freshdesk.updatesPerMinute()).isEqualTo(80);
        assertThat(freshdesk.createsPerMinute()).isEqualTo(80);
        RtSettings rt = config.helpdesk("rt", RtSettings.class);
        assertThat(rt.queue()).isEqualTo("General");
        assertThat(rt.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(rt.requestsPerMinute()).isZero();
        assertThat(config.helpdesk("jms", JmsSettings.class).queue()).isEqualTo("bluebird.helpdesk.tickets");
        TemplateSettings own = config.helpdesk("own", TemplateSettings.class);
        assertThat(own.type()).isEqualTo("servicenow");
        assertThat(own.consumers()).isEqualTo(2);
    }

    @Test
    void anAdapterAskingForAnotherTypesSettingsIsAMistakeSaidPlainly() {
        HelpdeskConfig config = bound(Map.of("bluebird.helpdesks.jms.type", "jms"));

        assertThatThrownBy(() -> config.helpdesk("jms", ZendeskSettings.class))
                .hasMessage("helpdesk 'jms' is of type jms, not ZendeskSettings");
    }
}
