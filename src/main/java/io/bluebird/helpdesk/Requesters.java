package io.bluebird.helpdesk;

import io.bluebird.model.CrmRecord;
import io.bluebird.model.Customer;

/**
 * Who a ticket is from, for helpdesks that want a person with an email: the CRM's name and email when the CRM knows
 * the customer, otherwise the social identity and a placeholder address that can never receive mail
 * ({@code <channel>-<id>@users.bluebird.invalid}), so no helpdesk ever emails a social customer by mistake.
 */
public final class Requesters {

    private Requesters() {
    }

    public record Requester(String name, String email) {
    }

    public static Requester of(Customer customer) {
        CrmRecord crm = customer.crm();
        String name = crm != null && crm.name() != null ? crm.name()
                : customer.name() != null ? customer.name()
                : customer.handle() != null ? "@" + customer.handle() : customer.id();
        String email = crm != null && crm.email() != null ? crm.email()
                : customer.channel() + "-" + customer.id() + "@users.bluebird.invalid";
        return new Requester(name, email);
    }
}
