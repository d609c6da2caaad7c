package io.bluebird.model;

/**
 * The tags on a ticket event that one stage sets and another acts on, besides what agents sort by: the helpdesk
 * adapters reopen a ticket or raise its priority on them, and agents see them on the ticket.
 */
public final class TicketTags {

    /** The message reopened its solved conversation, and so its ticket. */
    public static final String REOPENED = "reopened";
    /** The message raised the conversation's priority (urgent words, a long wait): the ticket's is raised too. */
    public static final String PRIORITY_RAISED = "priority-raised";
    /** The CRM did not answer in time or is failing: the ticket went on without the customer's record. */
    public static final String CRM_UNAVAILABLE = "crm-unavailable";

    private TicketTags() {
    }
}
