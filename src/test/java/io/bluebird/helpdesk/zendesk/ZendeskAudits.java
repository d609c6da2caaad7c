package io.bluebird.helpdesk.zendesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock Zendesk's ticket audits, as Zendesk keeps them: every update it takes ({@code PUT
 * /api/v2/tickets/{id}.json} stubbed with a 2xx, even one whose answer is then delayed or dropped) makes an audit
 * with the request's {@code ticket.metadata} as its custom metadata, and {@code GET
 * /api/v2/tickets/{id}/audits.json} lists them, newest first, where no stub answers that call.
 */
public final class ZendeskAudits implements ResponseDefinitionTransformerV2 {

    private static final Pattern UPDATE = Pattern.compile("/api/v2/tickets/(\\d+)\\.json");
    private static final Pattern AUDITS = Pattern.compile("/api/v2/tickets/(\\d+)/audits\\.json.*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<Map<?, ?>>> customMetadata = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return "zendesk-audits";
    }

    @Override
    public ResponseDefinition transform(ServeEvent call) {
        String method = call.getRequest().getMethod().getName();
        Matcher update = UPDATE.matcher(call.getRequest().getUrl());
        if (method.equals("PUT") && update.matches() && call.getResponseDefinition().getStatus() / 100 == 2) {
            try {
                customMetadata.computeIfAbsent(update.group(1), id -> new CopyOnWriteArrayList<>())
                        .add(JSON.convertValue(JSON.readTree(call.getRequest().getBodyAsString()).path("ticket")
                                .path("metadata"), Map.class));
            } catch (Exception e) {
                throw new IllegalStateException("not a Zendesk update: " + call.getRequest().getBodyAsString(), e);
            }
        }
        Matcher audits = AUDITS.matcher(call.getRequest().getUrl());
        // answered here unless a stub says otherwise (an outage)
        if (method.equals("GET") && audits.matches() && !call.getResponseDefinition().wasConfigured()) {
            List<Map<String, Object>> newestFirst = new ArrayList<>();
            // plain maps: WireMock writes its answer with its own (shaded) Jackson
            for (Map<?, ?> custom : customMetadata.getOrDefault(audits.group(1), List.of())) {
                newestFirst.add(0, Map.of("ticket_id", Long.parseLong(audits.group(1)),
                        "metadata", Map.of("custom", custom, "system", Map.of())));
            }
            return ResponseDefinition.okForJson(Map.of("audits", newestFirst));
        }
        return call.getResponseDefinition();
    }
}
