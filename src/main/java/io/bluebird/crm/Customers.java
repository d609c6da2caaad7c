package io.bluebird.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.bluebird.conversation.Conversations;
import io.bluebird.model.Conversation;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.NotFound;
import org.springframework.stereotype.Component;

/**
 * Everything of one customer across channels, for {@code GET /api/customers/{id}}: {@code id} is their CRM customer
 * id, or {@code <channel>:<user id>} for a channel identity; the CRM ties identities together by customer id, email
 * or phone.
 */
@Component("customers")
public class Customers {

    private final CustomerStore customers;
    private final Conversations conversations;

    public Customers(CustomerStore customers, Conversations conversations) {
        this.customers = customers;
        this.conversations = conversations;
    }

    public CustomerView get(String id) {
        int colon = id.indexOf(':');
        Optional<CrmRecord> crm = colon > 0 ? customers.byIdentity(id.substring(0, colon), id.substring(colon + 1))
                : customers.byCrmId(id);
        List<CustomerStore.Identity> identities = crm.map(customers::linkedTo).orElse(List.of());
        List<Conversation> all = new ArrayList<>();
        if (identities.isEmpty() && colon > 0) {
            all.addAll(conversations.findByCustomerOnChannel(id.substring(0, colon), id.substring(colon + 1)));
        }
        for (CustomerStore.Identity identity : identities) {
            all.addAll(conversations.findByCustomer(identity.channel(), identity.account(), identity.customerId()));
        }
        if (crm.isEmpty() && all.isEmpty()) {
            throw new NotFound("no customer " + id + ": use a CRM customer id or <channel>:<user id>");
        }
        return new CustomerView(id, crm.orElse(null), identities, all);
    }

    /** The answer of {@code GET /api/customers/{id}}. */
    public record CustomerView(String id, CrmRecord crm, List<CustomerStore.Identity> identities,
                               List<Conversation> conversations) {
    }
}
