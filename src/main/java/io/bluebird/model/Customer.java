package io.bluebird.model;

/** The customer behind a conversation: their identity on the channel and, when known, their CRM record. */
public record Customer(String channel, String id, String handle, String name, Long followers, CrmRecord crm) {

    public Customer withCrm(CrmRecord record) {
        return new Customer(channel, id, handle, name, followers, record);
    }
}
