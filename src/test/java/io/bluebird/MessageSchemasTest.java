package io.bluebird;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The schemas of what the hub takes say no more than the hub does (HubClient holds every accepted body to them) and
 * refuse what it refuses for a reason a schema can state.
 */
class MessageSchemasTest {

    private static final String MESSAGE = """
            {"channel": "mastodon", "visibility": "public", "nativeId": "109", "account": "brand",
             "author": {"id": "77", "handle": "jdoe", "name": "Jane Doe", "followers": 12},
             "text": "Where is my parcel?", "createdAt": "2026-11-22T10:00:00Z"}""";

    @Test
    void aSocialMessageIsHeldToTheHubsRules() {
        ContractSchema.SOCIAL_MESSAGE.assertValid(HubClient.json(MESSAGE));
        ContractSchema.SOCIAL_MESSAGE.assertValid(HubClient.json(MESSAGE.replace("\"text\": \"Where is my parcel?\",",
                "\"attachments\": [{\"type\": \"image\", \"url\": \"https://cdn.example/1.jpg\"}],")));
        for (String refused : new String[] {
                MESSAGE.replace("\"account\": \"brand\",", ""),
                MESSAGE.replace("\"id\": \"77\", ", ""),
                MESSAGE.replace("\"text\": \"Where is my parcel?\",", ""),
                MESSAGE.replace("\"public\"", "1"),
                MESSAGE.replace("\"mastodon\"", "\"Mastodon\""),
                MESSAGE.replace("\"followers\": 12", "\"followers\": -1"),
                MESSAGE.replace("\"visibility\"", "\"direction\": \"out\", \"visibility\""),
                MESSAGE.replace("2026-11-22", "1969-12-31")}) {
            assertThat(ContractSchema.SOCIAL_MESSAGE.violations(HubClient.json(refused))).as(refused).isPositive();
        }
    }

    @Test
    void aHelpdeskEventNamesItsConversationAndAReplyHasText() {
        ContractSchema.HELPDESK_EVENT.assertValid(HubClient.json("""
                {"type": "agent.reply", "conversationId": "26acd845", "text": "It ships today.", "visibility": "private"}"""));
        ContractSchema.HELPDESK_EVENT.assertValid(HubClient.json("""
                {"type": "ticket.solved", "helpdesk": "zendesk", "helpdeskTicketId": "35436"}"""));
        for (String refused : new String[] {
                "{\"conversationId\": \"26acd845\"}",
                "{\"type\": \"agent.reply\", \"conversationId\": \"26acd845\"}",
                "{\"type\": \"ticket.solved\", \"helpdesk\": \"zendesk\"}",
                "{\"type\": \"ticket.closed\", \"conversationId\": \"26acd845\"}"}) {
            assertThat(ContractSchema.HELPDESK_EVENT.violations(HubClient.json(refused))).as(refused).isPositive();
        }
    }
}
