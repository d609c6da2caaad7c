package io.bluebird.channel;

/**
 * A channel will not take a send, and retrying cannot change that (DMs closed, the messaging window closed, the
 * user gone): dead-lettered with the reason, and the ticket gets an internal note saying the customer did not get it.
 */
public class ChannelRefused extends RuntimeException {

    public ChannelRefused(String message) {
        super(message);
    }
}
