package vn.complaintdesk.intake;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out {@code KN-<year>-<6 digits>}, a sequence per year of receipt. The counter row is
 * locked by the update, so concurrent intakes on H2 or PostgreSQL never share a number; its own
 * short transaction keeps that lock brief.
 */
@Component
public class ReferenceNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    public ReferenceNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactionManager);
        // A failed insert must not abort the surrounding transaction (PostgreSQL would).
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(int year) {
        if (increment(year) == 0) {
            try {
                savepoint.executeWithoutResult(status ->
                        jdbc.sql("INSERT INTO reference_counter (reference_year, last_value) VALUES (:year, 0)")
                                .param("year", year).update());
            } catch (DuplicateKeyException createdConcurrently) {
                // another intake created this year's counter first; incrementing it below is all we need
            }
            increment(year);
        }
        long value = jdbc.sql("SELECT last_value FROM reference_counter WHERE reference_year = :year")
                .param("year", year).query(Long.class).single();
        return format(year, value);
    }

    static String format(int year, long value) {
        return "KN-%d-%06d".formatted(year, value);
    }

    private int increment(int year) {
        return jdbc.sql("UPDATE reference_counter SET last_value = last_value + 1 WHERE reference_year = :year")
                .param("year", year).update();
    }
}
