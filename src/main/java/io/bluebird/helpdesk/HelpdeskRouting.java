package io.bluebird.helpdesk;

import io.bluebird.model.SocialMessage;
import org.springframework.stereotype.Component;

/** Chooses the helpdesk a new conversation goes to; it stays there for its whole life. */
@Component("helpdeskRouting")
public class HelpdeskRouting {

    private final HelpdeskConfig config;

    public HelpdeskRouting(HelpdeskConfig config) {
        this.config = config;
    }

    public String helpdeskFor(SocialMessage first) {
        return config.routing().defaultHelpdesk();
    }
}
