package io.bluebird.broker;

import java.util.Arrays;
import java.util.regex.Pattern;

/** An Artemis client URL with parameters added where it does not set them itself. */
final class BrokerUrl {

    private BrokerUrl() {
    }

    /**
     * {@code url} with each of {@code parameters} ({@code name=value&...}) that it does not name already, so what an
     * integrator wrote in spring.artemis.broker-url wins. A URL of several servers, {@code (tcp://a,tcp://b)?...}, gets
     * them once, for all of its servers.
     */
    static String withDefaults(String url, String parameters) {
        StringBuilder result = new StringBuilder(url);
        boolean hasQuery = url.substring(url.lastIndexOf(')') + 1).contains("?");
        for (String parameter : Arrays.stream(parameters.split("&")).map(String::strip).filter(p -> !p.isEmpty())
                .toList()) {
            String name = parameter.substring(0, parameter.indexOf('=') < 0 ? parameter.length() : parameter.indexOf('='));
            if (!Pattern.compile("[?&;]" + Pattern.quote(name) + "=").matcher(url).find()) {
                result.append(hasQuery ? '&' : '?').append(parameter);
                hasQuery = true;
            }
        }
        return result.toString();
    }
}
