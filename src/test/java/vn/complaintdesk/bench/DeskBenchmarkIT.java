package vn.complaintdesk.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskIntegrationTest;

/**
 * Figures, not assertions: run with {@code ./mvnw -Pbench verify}. Intake throughput and latency
 * over HTTP on embedded PostgreSQL, time until the agent's task exists, and the task list's latency
 * with many open tasks. Numbers depend on the machine; compare runs on the same one.
 */
@Tag("bench")
@DeskIntegrationTest
class DeskBenchmarkIT {

    private static final int COMPLAINTS = Integer.getInteger("bench.complaints", 400);
    private static final int THREADS = Integer.getInteger("bench.threads", 8);

    @Autowired TestRestTemplate http;
    @Autowired TaskService taskService;

    @Test
    void intakeThroughputAndTaskListLatency() throws Exception {
        warmUp();
        long openBefore = taskService.createTaskQuery().taskDefinitionKey("AnalyzeComplaint").count();
        String body = Complaints.json("SERVICE_QUALITY", LocalDate.now().minusDays(1).toString());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < COMPLAINTS; i++) {
                calls.add(() -> {
                    long t0 = System.nanoTime();
                    http.postForEntity("/api/complaints", json(body), String.class);
                    latencies.add(System.nanoTime() - t0);
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long drained = System.nanoTime();
        while (taskService.createTaskQuery().taskDefinitionKey("AnalyzeComplaint").count() < openBefore + COMPLAINTS
                && System.nanoTime() - drained < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(50);
        }
        double untilAllTasks = (System.nanoTime() - start) / 1e9;

        List<Long> listLatencies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long t0 = System.nanoTime();
            http.withBasicAuth("agent", "demo").getForObject("/api/tasks", List.class);
            listLatencies.add(System.nanoTime() - t0);
        }
        long openTasks = taskService.createTaskQuery().taskCandidateGroup("cs-agents").count();

        System.out.printf("BENCH intake: %d complaints, %d threads, %.1f complaints/s, latency p50 %.1f ms, p95 %.1f ms%n",
                COMPLAINTS, THREADS, COMPLAINTS / seconds, percentile(latencies, 50), percentile(latencies, 95));
        System.out.printf("BENCH acknowledged with AnalyzeComplaint open for all: %.1f s after the first intake%n",
                untilAllTasks);
        System.out.printf("BENCH GET /api/tasks with %d open agent tasks: p50 %.1f ms, p95 %.1f ms%n", openTasks,
                percentile(listLatencies, 50), percentile(listLatencies, 95));
    }

    private void warmUp() {
        String body = Complaints.json("OTHER", LocalDate.now().toString());
        for (int i = 0; i < 20; i++) {
            http.postForEntity("/api/complaints", json(body), String.class);
            http.withBasicAuth("agent", "demo").getForObject("/api/tasks", List.class);
        }
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

}
