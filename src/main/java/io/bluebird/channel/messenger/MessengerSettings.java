package io.bluebird.channel.messenger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluebird.messenger.*}: the Meta app and page behind Messenger and Instagram. {@code graph-base-url} carries
 * the Graph API version, which Meta retires about two years after its release.
 */
@ConfigurationProperties("bluebird.messenger")
public record MessengerSettings(
        String graphBaseUrl,
        String appSecret,
        String verifyToken,
        String pageAccessToken,
        boolean humanAgentTag,
        Duration window,
        Duration humanAgentWindow,
        Duration timeout) {

    public MessengerSettings {
        graphBaseUrl = graphBaseUrl == null || graphBaseUrl.isBlank() ? "https://graph.facebook.com/v25.0"
                : graphBaseUrl.strip().replaceFirst("/$", "");
        window = window == null ? Duration.ofHours(24) : window;
        humanAgentWindow = humanAgentWindow == null ? Duration.ofDays(7) : humanAgentWindow;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
