package io.bluebird.crm;

/** The CRM did not answer, or not sensibly: the ticket goes on without its record. */
public class CrmUnavailable extends RuntimeException {

    public CrmUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
