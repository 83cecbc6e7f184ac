package vn.complaintdesk.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnreachableTest {

    @Test
    void aPoolThatGivesNoConnectionDeepInTheEngineIsAnOutage() {
        assertThat(DatabaseUnreachable.causes(new ProcessEngineException("could not execute",
                new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms"))))
                .isTrue();
    }

    @Test
    void aConnectionThatBrokeUnderAQueryIsAnOutage() {
        assertThat(DatabaseUnreachable.causes(new DataAccessResourceFailureException("insert",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void aFailedRollbackIsJudgedByWhatBrokeTheTransaction() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertThat(DatabaseUnreachable.causes(rollback)).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNoOutage() {
        assertThat(DatabaseUnreachable.causes(new DuplicateKeyException("duplicate",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseUnreachable.causes(new IllegalStateException("boom"))).isFalse();
    }
}
