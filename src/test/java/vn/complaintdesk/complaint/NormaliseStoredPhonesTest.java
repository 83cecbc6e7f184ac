package vn.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/** V15 rewrites the phones stored before in E.164, keeps what it cannot read, and ran at start-up. */
@DeskTest
class NormaliseStoredPhonesTest {

    @Autowired ProcessDriver driver;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    @Test
    void storedPhonesBecomeE164AndUnreadableOnesStayAsTheyWere() throws Exception {
        String spaced = driver.submit(Category.BILLING).reference();
        String unreadable = driver.submit(Category.BILLING).reference();
        stored(spaced, "0969 111 222");
        stored(unreadable, "ext. 12");

        try (Connection connection = dataSource.getConnection()) {
            new NormaliseStoredPhones().migrate(context(connection));
        }

        assertThat(driver.complaint(spaced).customer().phone()).isEqualTo("+84969111222");
        assertThat(driver.complaint(spaced).customer().displayPhone()).isEqualTo("0969 111 222");
        assertThat(driver.complaint(unreadable).customer().phone()).isEqualTo("ext. 12");
        assertThat(jdbc.sql("SELECT \"success\" FROM \"complaint_schema_history\" WHERE \"version\" = '15'")
                .query(Boolean.class).single()).as("applied by Flyway at start-up").isTrue();
    }

    private void stored(String reference, String phone) {
        jdbc.sql("UPDATE complaint SET customer_phone = :phone, customer_phone_as_given = :phone"
                + " WHERE reference = :reference").param("phone", phone).param("reference", reference).update();
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
