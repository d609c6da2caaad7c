package io.bluebird.channel.x;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code x} component of {@code /actuator/health}: DOWN, with the reason, while X refuses the brand's token. */
@Component("x")
public class XHealth implements HealthIndicator {

    private final XSettings settings;
    private final XTokens tokens;

    public XHealth(XSettings settings, XTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    @Override
    public Health health() {
        if (!XSettings.isSet(settings.clientId())) {
            return Health.unknown().withDetail("reason", "not configured (bluebird.x.client-id)").build();
        }
        String revoked = tokens.revoked();
        return revoked == null ? Health.up().build() : Health.down().withDetail("reason", revoked).build();
    }
}
