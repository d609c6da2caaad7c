package io.bluebird;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock stand-in of an external API (a channel, a helpdesk, a CRM) for one test class: started when the class
 * is loaded, so that its URL can go into the hub's properties ({@code @DynamicPropertySource}) before the Spring
 * context starts, and stopped after the class's last test. Declared as
 * {@code @RegisterExtension static final StandIn x = new StandIn(options().dynamicPort());}.
 */
public final class StandIn extends WireMockServer implements AfterAllCallback {

    public StandIn(Options options) {
        super(options);
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }
}
