package vn.complaintdesk.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.support.DeskIntegrationTest;
import vn.complaintdesk.support.HttpFromAddress;

/** On PostgreSQL, where several nodes share the count: failures at the same moment are each counted once. */
@DeskIntegrationTest
class LoginThrottleOnPostgresIT {

    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @AfterEach
    void forgetFailedLogins() {
        jdbc.sql("DELETE FROM login_throttle").update();
    }

    @Test
    void simultaneousWrongPasswordsAreAllCountedAndThenThrottled() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String address = "127.0.0." + (50 + i);
                attempts.add(() -> HttpFromAddress.from(address, port)
                        .getWithBasic("/engine-rest/engine", "legal", "guess").status());
            }
            for (Future<Integer> answer : pool.invokeAll(attempts)) {
                assertThat(answer.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT failures FROM login_throttle WHERE throttle_key = 'user:legal'")
                .query(Integer.class).single()).isEqualTo(16);
        assertThat(HttpFromAddress.from("127.0.0.50", port).getWithBasic("/engine-rest/engine", "legal", "demo").status())
                .isEqualTo(429);
        assertThat(HttpFromAddress.from("127.0.0.99", port).getWithBasic("/engine-rest/engine", "legal", "demo").status())
                .isEqualTo(200);
    }
}
