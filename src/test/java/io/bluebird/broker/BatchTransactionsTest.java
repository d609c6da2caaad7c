package io.bluebird.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A batch's database transaction on a real (in-memory) H2: committed at its end, early, or lost. */
class BatchTransactionsTest {

    private String url;
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager manager;
    private BatchTransactions batches;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        url = "jdbc:h2:mem:batch-transactions-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        h2.setURL(url);
        jdbc = new JdbcTemplate(h2);
        jdbc.execute("create table delivered (id int primary key)");
        manager = new DataSourceTransactionManager(h2);
        batches = new BatchTransactions(manager);
    }

    @Test
    void aBatchCommitsAtItsEnd() {
        try (BatchTransactions.Batch batch = batches.begin()) {
            jdbc.update("insert into delivered values (1)");
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
            batch.end();
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aBatchThatEndsWithoutEndIsRolledBack() {
        try (BatchTransactions.Batch batch = batches.begin()) {
            jdbc.update("insert into delivered values (1)");
        }
        assertThat(count()).isZero();
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
    }

    @Test
    void committedSoFarTheRestOfTheBatchGoesOnInANewTransaction() {
        try (BatchTransactions.Batch batch = batches.begin()) {
            jdbc.update("insert into delivered values (1)");
            batches.commitSoFar();
            assertThat(countSeenFromElsewhere()).as("committed so far").isEqualTo(1);
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
            jdbc.update("insert into delivered values (2)");
            assertThat(countSeenFromElsewhere()).as("the rest, not yet").isEqualTo(1);
            assertThat(batch.lost()).isFalse();
            batch.end();
        }
        assertThat(count()).isEqualTo(2);
    }

    /** A step marked the transaction rollback-only (a failed write inside it): the broker must redeliver the batch. */
    @Test
    void aBatchWhoseEarlyCommitFailsIsLost() {
        try (BatchTransactions.Batch batch = batches.begin()) {
            jdbc.update("insert into delivered values (1)");
            new TransactionTemplate(manager).executeWithoutResult(step -> step.setRollbackOnly());
            batches.commitSoFar();
            assertThat(batch.lost()).isTrue();
            assertThatThrownBy(batch::end).isInstanceOf(BatchTransactions.BatchLost.class);
        }
        assertThat(count()).isZero();
    }

    @Test
    void withoutABatchThereIsNothingToCommit() {
        batches.commitSoFar();
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
    }

    /** What another connection, outside the batch, sees committed. */
    private int countSeenFromElsewhere() {
        JdbcDataSource elsewhere = new JdbcDataSource();
        elsewhere.setURL(url);
        return new JdbcTemplate(elsewhere).queryForObject("select count(*) from delivered", Integer.class);
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from delivered", Integer.class);
    }
}
