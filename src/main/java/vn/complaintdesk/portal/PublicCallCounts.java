package vn.complaintdesk.portal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The public calls of each client address per clock minute, in the {@code public_rate_limit} table
 * shared by all nodes: one atomic upsert per call answers the count including that call.
 */
@Repository
public class PublicCallCounts {

    private static final String POSTGRES = """
            INSERT INTO public_rate_limit (client, window_start, calls) VALUES (:client, :window, 1)
            ON CONFLICT (client, window_start) DO UPDATE SET calls = public_rate_limit.calls + 1
            RETURNING calls""";

    private static final String H2 = """
            SELECT calls FROM FINAL TABLE (
                MERGE INTO public_rate_limit t
                USING (VALUES (CAST(:client AS VARCHAR(64)), CAST(:window AS BIGINT))) s (client, window_start)
                ON t.client = s.client AND t.window_start = s.window_start
                WHEN MATCHED THEN UPDATE SET calls = t.calls + 1
                WHEN NOT MATCHED THEN INSERT (client, window_start, calls) VALUES (s.client, s.window_start, 1))""";

    private final JdbcClient jdbc;
    private final String upsert;

    public PublicCallCounts(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.upsert = "PostgreSQL".equals(product) ? POSTGRES : H2;
    }

    /** Counts one call of {@code client} in the minute {@code window} (minutes since the epoch). */
    public int countCall(String client, long window) {
        try {
            return upsertOnce(client, window);
        } catch (DuplicateKeyException firstCallOfTheMinuteRaced) {
            // H2's MERGE lets two first calls both insert; the loser counts on the row the winner made.
            return upsertOnce(client, window);
        }
    }

    private int upsertOnce(String client, long window) {
        return jdbc.sql(upsert).param("client", client).param("window", window).query(Integer.class).single();
    }

    /** Forgets the minutes before {@code window}. */
    public int deleteBefore(long window) {
        return jdbc.sql("DELETE FROM public_rate_limit WHERE window_start < :window").param("window", window).update();
    }
}
