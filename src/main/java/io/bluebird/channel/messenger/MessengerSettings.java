package io.bluebird.channel.messenger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluebird.messenger.*}: the Meta app and page behind Messenger and Instagram. {@code graph-base-url} carries
 * the Graph API version, which Meta retires about two years after its release.
 *
 * @param graphBaseUrl The Graph API base URL with its version (Meta retires each about two years after release).
 * @param appSecret App settings > Basic > App secret: signs every webhook call (X-Hub-Signature-256). A secret.
 * @param verifyToken Any string of yours, typed again in the app's webhook settings; Meta shows it in the handshake. A
 *     secret.
 * @param pageAccessToken The page's access token (pages_messaging; instagram_manage_messages for Instagram). A secret.
 * @param humanAgentTag true where the app has Meta's Human Agent permission: an agent's reply may go out up to 7 days
 *     after the customer's last message.
 * @param window How long after the customer's last message the page may answer (Meta's standard messaging window, 24h).
 * @param humanAgentWindow How long an agent's reply may go out with the HUMAN_AGENT tag (7d).
 * @param timeout How long one Send API or Graph call may take (default 10s).
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
