package vn.complaintdesk.complaint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import vn.complaintdesk.migration.NumberedJavaMigration;

/**
 * Flyway migration V15: the phone numbers stored before phones were compared as numbers, rewritten
 * in E.164 by the same library intake uses (SQL on H2 and PostgreSQL cannot parse a number). A
 * number it cannot read stays as it was: it only ever matches itself. The spelling as given was kept
 * by V14. Spring Boot hands this bean to Flyway with the SQL migrations.
 */
@Component
public class NormaliseStoredPhones extends NumberedJavaMigration {

    private static final int BATCH = 1_000;

    public NormaliseStoredPhones() {
        super(15, "normalise stored phones");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, customer_phone FROM complaint WHERE customer_phone IS NOT NULL");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE complaint SET customer_phone = ? WHERE id = ?")) {
            // Read in pages, not the whole table into memory (PostgreSQL: a cursor inside the transaction).
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                normalise(rows, update);
            }
        }
    }

    private static void normalise(ResultSet rows, PreparedStatement update) throws SQLException {
        int pending = 0;
        while (rows.next()) {
            String stored = rows.getString(2);
            Optional<String> normalised = PhoneNumbers.e164(stored);
            if (normalised.isPresent() && !normalised.get().equals(stored)) {
                update.setString(1, normalised.get());
                update.setLong(2, rows.getLong(1));
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
        }
        if (pending > 0) {
            update.executeBatch();
        }
    }
}
