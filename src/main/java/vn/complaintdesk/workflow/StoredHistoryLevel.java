package vn.complaintdesk.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.complaintdesk.migration.NumberedJavaMigration;

/**
 * Flyway migration V19: a database the engine filled under FULL history is moved to the history
 * level {@link DeskHistoryLevel desk} when that is the configured one. The engine refuses to start
 * when the level stored in ACT_GE_PROPERTY differs from the configured one, and this runs before the
 * engine starts; on a fresh database there is nothing yet and the engine stores the configured level.
 */
@Component
public class StoredHistoryLevel extends NumberedJavaMigration {

    private static final int FULL = 3;

    private final String configuredLevel;

    public StoredHistoryLevel(@Value("${camunda.bpm.history-level:full}") String configuredLevel) {
        super(19, "engine history level desk");
        this.configuredLevel = configuredLevel;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!DeskHistoryLevel.NAME.equalsIgnoreCase(configuredLevel) || !engineTablesExist(connection)) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ACT_GE_PROPERTY SET VALUE_ = ? WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
            update.setString(1, String.valueOf(DeskHistoryLevel.ID));
            update.setString(2, String.valueOf(FULL));
            update.executeUpdate();
        }
    }

    private static boolean engineTablesExist(Connection connection) throws SQLException {
        for (String name : new String[] {"ACT_GE_PROPERTY", "act_ge_property"}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
