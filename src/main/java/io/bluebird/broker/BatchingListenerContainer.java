package io.bluebird.broker;

import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.camel.component.jms.DefaultJmsMessageListenerContainer;
import org.apache.camel.component.jms.JmsEndpoint;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Camel's listener container, taking what waits on the queue in one broker transaction and one database transaction
 * instead of one of each per message: a commit is what a message costs most in the process stage (the broker's
 * journal and H2's store both write at each one). Each message still goes through the route on its own exchange,
 * in the order received, and the sends of the route share the batch's session, as they share the listener's session
 * of one message. The database commits first, then the broker: a crash between them redelivers messages that are
 * stored, which the route knows (their events are sent again, their deliveries skipped). A message that is to wait
 * in place (a delivery retried after a backoff) first commits the database work before it ({@link BatchTransactions}).
 * A batch that fails is rolled back whole; its messages then come back one by one ({@link Batches}), each in
 * transactions of its own exactly as without batches.
 */
final class BatchingListenerContainer extends DefaultJmsMessageListenerContainer {

    private final BatchTransactions database;
    private final int batchSize;
    private final DistributionSummary batches;

    BatchingListenerContainer(JmsEndpoint endpoint, BatchTransactions database, int batchSize,
                              DistributionSummary batches) {
        super(endpoint);
        this.database = database;
        this.batchSize = batchSize;
        this.batches = batches;
    }

    @Override
    protected boolean doReceiveAndExecute(Object invoker, Session session, MessageConsumer consumer,
                                          TransactionStatus status) throws JMSException {
        // without a cached session and consumer, or under an external transaction manager, as the container does it
        if (session == null || consumer == null || status != null || !session.getTransacted()) {
            return super.doReceiveAndExecute(invoker, session, consumer, status);
        }
        List<Message> batch = batchFrom(consumer);
        if (batch.isEmpty()) {
            noMessageReceived(invoker, session);
            return false;
        }
        messageReceived(invoker, session);
        batches.record(batch.size());
        try {
            if (batch.size() == 1) {
                exposing(session, () -> listen(session, batch.get(0)));
            } else {
                inOneDatabaseTransaction(session, batch);
            }
            commitIfNecessary(session, null);
        } catch (Throwable failure) {
            rollbackOnExceptionIfNecessary(session, failure);
            handleListenerException(failure instanceof ListenerFailed wrapped ? wrapped.getCause() : failure);
            if (failure instanceof JMSException broker) {
                throw broker;
            }
        }
        return true;
    }

    /**
     * The batch in one database transaction, or, when the database is away as it begins, message by message: each
     * step then waits the outage out in place (routes/process-errors.yaml), as it does for a message alone. A batch
     * whose transaction was lost on the way ({@link BatchTransactions}) stops there and is rolled back whole.
     */
    private void inOneDatabaseTransaction(Session session, List<Message> batch) {
        BatchTransactions.Batch transaction;
        try {
            transaction = database.begin();
        } catch (CannotCreateTransactionException away) {
            exposing(session, () -> batch.forEach(message -> listen(session, message)));
            return;
        }
        try (transaction) {
            exposing(session, () -> {
                for (Message message : batch) {
                    if (transaction.lost()) {
                        break;
                    }
                    listen(session, message);
                }
            });
            transaction.end();
        }
    }

    /**
     * Runs the route with the session bound as the one the route's sends join (the container's own way of exposing
     * it is not public); unbound again before the container commits or rolls the session back, which it does only
     * for a session that is not bound.
     */
    private void exposing(Session session, Runnable route) {
        ConnectionFactory connectionFactory = obtainConnectionFactory();
        if (TransactionSynchronizationManager.hasResource(connectionFactory)) {
            route.run();
            return;
        }
        TransactionSynchronizationManager.bindResource(connectionFactory, new JmsResourceHolder(session));
        try {
            route.run();
        } finally {
            TransactionSynchronizationManager.unbindResource(connectionFactory);
        }
    }

    private List<Message> batchFrom(MessageConsumer consumer) throws JMSException {
        try {
            return new Batches<>(wait -> wait ? receiveMessage(consumer) : consumer.receiveNoWait(),
                    BatchingListenerContainer::redelivered, batchSize).next();
        } catch (JMSException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void listen(Session session, Message message) {
        try {
            invokeListener(session, message);
        } catch (JMSException e) {
            throw new ListenerFailed(e);
        }
    }

    private static boolean redelivered(Message message) {
        try {
            return message.getJMSRedelivered();
        } catch (JMSException e) {
            return true;
        }
    }

    /** A JMS failure of one message of a batch, through the database transaction's callback. */
    private static final class ListenerFailed extends RuntimeException {
        ListenerFailed(JMSException cause) {
            super(cause);
        }
    }
}
