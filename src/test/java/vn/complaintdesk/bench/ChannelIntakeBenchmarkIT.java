package vn.complaintdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import vn.complaintdesk.channels.MailboxPoller;
import vn.complaintdesk.channels.WebhookSignatures;
import vn.complaintdesk.support.CustomerMails;
import vn.complaintdesk.support.DeskIntegrationTest;
import vn.complaintdesk.support.TestSmtpServer;

/**
 * Figures, not assertions: how fast the support mailbox (GreenMail IMAP in the JVM) is read into
 * complaints, and signed webhook messages over HTTP, on embedded PostgreSQL. Run with
 * {@code ./mvnw -Pbench verify -Dit.test=ChannelIntakeBenchmarkIT}.
 */
@Tag("bench")
@DeskIntegrationTest
@TestPropertySource(properties = {"complaints.mail-intake.host=127.0.0.1", "complaints.mail-intake.protocol=imap",
        "complaints.mail-intake.username=" + TestSmtpServer.DESK_ADDRESS, "complaints.mail-intake.password=desk",
        "complaints.mail-intake.poll-interval=PT1H", "complaints.mail-intake.batch-size=100",
        "complaints.channels.secrets.zalo=bench-secret"})
class ChannelIntakeBenchmarkIT {

    private static final int MAILS = Integer.getInteger("bench.mails", 300);
    private static final int MESSAGES = Integer.getInteger("bench.messages", 300);
    private static final int THREADS = Integer.getInteger("bench.threads", 8);

    @Autowired MailboxPoller poller;
    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;

    @Test
    void mailboxAndWebhookThroughput() throws Exception {
        poller.poll();
        String marker = "bench-" + UUID.randomUUID();
        for (int i = 0; i < MAILS; i++) {
            TestSmtpServer.deliverToDesk(CustomerMails.plain("Khách " + i + " <khach" + i + "@example.vn>",
                    "Nạp tiền chưa vào tài khoản " + marker, "Tôi nạp tiền hôm qua nhưng chưa thấy cộng vào tài khoản."));
        }
        long start = System.nanoTime();
        int polls = 0;
        int handled;
        do {
            handled = poller.poll().handled();
            polls++;
        } while (handled > 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        long opened = jdbc.sql("SELECT COUNT(*) FROM complaint WHERE subject LIKE :m").param("m", "%" + marker)
                .query(Long.class).single();
        assertThat(opened).isEqualTo(MAILS);
        System.out.printf("BENCH mailbox: %d mails into %d complaints in %.1f s (%d polls of 100): %.1f mails/s%n",
                MAILS, opened, seconds, polls, MAILS / seconds);

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        start = System.nanoTime();
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                int n = i;
                calls.add(() -> {
                    long t0 = System.nanoTime();
                    ResponseEntity<String> answer = post("""
                            {"messageId":"%s-%d","category":"PAYMENT_DELAY","text":"Rút tiền chưa về %s",
                             "customer":{"name":"Khách Zalo %d","phone":"09%08d"}}""".formatted(marker, n, marker, n, n));
                    latencies.add(System.nanoTime() - t0);
                    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("BENCH webhook: %d signed messages, %d threads, %.1f s: %.1f complaints/s, p50 %.0f ms,"
                + " p95 %.0f ms%n", MESSAGES, THREADS, seconds, MESSAGES / seconds,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6);
    }

    private ResponseEntity<String> post(String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Timestamp", timestamp);
        headers.set("X-Signature", "sha256=" + WebhookSignatures.sign("bench-secret", timestamp, bytes));
        return http.exchange(RequestEntity.post("/api/channels/zalo/messages").headers(headers).body(bytes),
                String.class);
    }
}
