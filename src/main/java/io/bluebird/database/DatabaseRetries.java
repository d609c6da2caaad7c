package io.bluebird.database;

import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How a queue consumer waits out a database outage with its message ({@link DatabaseOutages}): the redelivery policy
 * that every route configuration's database onException names ({@code redeliveryPolicyRef}).
 */
@Configuration
public class DatabaseRetries {

    /** Every retry-delay, however long the outage, spending none of the broker's delivery attempts. */
    @Bean
    RedeliveryPolicy retriesWhileDatabaseAway(DatabaseSettings database) {
        return new RedeliveryPolicy().maximumRedeliveries(-1)
                .redeliveryDelay(database.retryDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                // one line a minute at the default delay
                .retryAttemptedLogInterval(12)
                .logStackTrace(false);
    }
}
