package io.bluebird.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.bluebird.conversation.Conversations;
import io.bluebird.crm.CustomerStore;
import io.bluebird.http.PathIds;
import io.bluebird.model.Conversation;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.SurveyResult;
import io.bluebird.survey.Surveys;
import org.springframework.stereotype.Component;

/**
 * A conversation as the hub's API shows it ({@code GET /api/conversations/{id}}, {@code ?handle=}): its whole public
 * and private history and ticket, with the customer's CRM snapshot and the survey result beside it.
 */
@Component("conversationDetails")
public class ConversationDetails {

    /** The conversation's own fields, then {@code crm} and {@code survey} (null when there is none). */
    public record View(@JsonUnwrapped Conversation conversation, CrmRecord crm, SurveyResult survey) {
    }

    public record Views(List<View> conversations) {
    }

    private final Conversations conversations;
    private final CustomerStore customers;
    private final Surveys surveys;

    public ConversationDetails(Conversations conversations, CustomerStore customers, Surveys surveys) {
        this.conversations = conversations;
        this.customers = customers;
        this.surveys = surveys;
    }

    public View get(String id) {
        return view(conversations.get(PathIds.decoded(id, "id")));
    }

    public Views byHandle(String handle) {
        return new Views(conversations.byHandle(handle).conversations().stream().map(this::view).toList());
    }

    private View view(Conversation conversation) {
        return new View(conversation,
                customers.byIdentity(conversation.channel(), conversation.customer().id()).orElse(null),
                surveys.resultOf(conversation.id()).orElse(null));
    }
}
