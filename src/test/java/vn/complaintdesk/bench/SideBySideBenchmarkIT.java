package vn.complaintdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.complaintdesk.support.DeskIntegrationTest;

/**
 * Figures, not assertions: run with
 * {@code ./mvnw -Pbench verify -Dit.test=SideBySideBenchmarkIT}. On one embedded PostgreSQL, with the
 * same threads: (a) a bare Camunda engine starting a process with one user task, (b) the bare engine
 * running a process of {@code bench.steps} user tasks to its end, (d) the desk's intake over HTTP,
 * (e) the desk's whole lifecycle over HTTP ({@link DeskClient}); each rate, p50/p95, and the rows
 * written, tuples read and transactions per instance from PostgreSQL's own counters (the idle desk's
 * own background work subtracted). Then the growth benchmark: intake, lifecycle and task list at
 * {@code bench.growth.levels} stored complaints (SQL-seeded, a tenth of them open with six standing
 * timer jobs each), side by side.
 */
@Tag("bench")
@DeskIntegrationTest
class SideBySideBenchmarkIT {

    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int INTAKES = Integer.getInteger("bench.intakes", 200);
    private static final int LIFECYCLES = Integer.getInteger("bench.lifecycles", 40);
    private static final int BARE = Integer.getInteger("bench.bare", 400);
    private static final int STEPS = Integer.getInteger("bench.steps", 8);
    private static final String DESK_DATABASE = "postgres";
    private static final List<Integer> GROWTH_LEVELS = List.of(System.getProperty("bench.growth.levels",
            "1000,100000").split(",")).stream().map(String::strip).map(Integer::valueOf).toList();

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Value("${spring.datasource.url}") String deskUrl;

    @Test
    void deskSideBySideWithTheBareEngineAndAsTheDeskFillsUp() throws Exception {
        Map<String, String> lines = new LinkedHashMap<>();
        List<Long> completions = Collections.synchronizedList(new ArrayList<>());
        DeskClient desk = new DeskClient(http, completions::add);
        warmUp(desk);

        DatabaseCounters idleStart = DatabaseCounters.read(jdbc, DESK_DATABASE);
        DatabaseCounters idleEnd = DatabaseCounters.read(jdbc, DESK_DATABASE);
        DatabaseCounters.Delta idle = idleEnd.perSecondSince(idleStart);
        System.out.printf(Locale.ROOT, "BENCH idle desk per second: %.0f rows written, %.0f tuples read, %.1f"
                + " transactions (subtracted below)%n", idle.rowsWritten(), idle.tuplesRead(), idle.transactions());

        jdbc.execute("CREATE DATABASE " + BareEngine.DATABASE);
        Load.Result a;
        Load.Result b;
        DatabaseCounters.Delta aCost;
        DatabaseCounters.Delta bCost;
        int bareTransactions;
        try (BareEngine bare = new BareEngine(deskUrl.replace("/" + DESK_DATABASE + "?", "/" + BareEngine.DATABASE + "?"),
                "postgres", "postgres", STEPS, THREADS)) {
            Load.run(50, THREADS, n -> bare.startOneTask());
            Load.run(10, THREADS, n -> bare.runAllSteps());
            DatabaseCounters before = DatabaseCounters.read(jdbc, BareEngine.DATABASE);
            a = Load.run(BARE, THREADS, n -> bare.startOneTask());
            DatabaseCounters afterA = DatabaseCounters.read(jdbc, BareEngine.DATABASE);
            b = Load.run(BARE / 4, THREADS, n -> bare.runAllSteps());
            DatabaseCounters afterB = DatabaseCounters.read(jdbc, BareEngine.DATABASE);
            aCost = afterA.since(before, DatabaseCounters.Delta.NONE).per(a.count());
            bCost = afterB.since(afterA, DatabaseCounters.Delta.NONE).per(b.count());
            bareTransactions = bare.transactionsPerLifecycle();
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + BareEngine.DATABASE + " WITH (FORCE)");
        }

        DatabaseCounters before = DatabaseCounters.read(jdbc, DESK_DATABASE);
        Load.Result d = Load.run(INTAKES, THREADS, n -> desk.intake(DeskClient.newCustomer()));
        awaitAnalysisTasks();
        DatabaseCounters afterD = DatabaseCounters.read(jdbc, DESK_DATABASE);
        completions.clear();
        Load.Result e = Load.run(LIFECYCLES, THREADS, n -> desk.lifecycle(desk.intake(DeskClient.newCustomer())));
        DatabaseCounters afterE = DatabaseCounters.read(jdbc, DESK_DATABASE);
        DatabaseCounters.Delta dCost = afterD.since(before, idle).per(d.count());
        DatabaseCounters.Delta eCost = afterE.since(afterD, idle).per(e.count());

        System.out.printf(Locale.ROOT, "BENCH side by side, %d threads, one PostgreSQL:%n", THREADS);
        print("(a) bare engine, start of a one-task process", a, aCost, "instances");
        print("(b) bare engine, " + STEPS + " user tasks to the end (" + bareTransactions + " tx)", b, bCost,
                "instances");
        print("(d) desk intake over HTTP", d, dCost, "complaints");
        print("(e) desk lifecycle over HTTP", e, eCost, "complaints");
        System.out.printf(Locale.ROOT, "BENCH (e) task completion over HTTP under lifecycle load: p50 %.0f ms, p95 %.0f ms%n",
                new Load.Result(completions.size(), 1, completions).p50(),
                new Load.Result(completions.size(), 1, completions).p95());
        System.out.printf(Locale.ROOT, "BENCH ratios: d/a %.2f, e/b %.2f%n", d.rate() / a.rate(), e.rate() / b.rate());

        growth(desk, idle);
        assertThat(e.count()).isEqualTo(LIFECYCLES);
    }

    private void growth(DeskClient desk, DatabaseCounters.Delta idle) throws Exception {
        List<String> rows = new ArrayList<>();
        GrowthSeed seed = new GrowthSeed(jdbc);
        try {
            for (int level : GROWTH_LEVELS) {
                long seeding = System.nanoTime();
                int stored = seed.upTo(level);
                double seedSeconds = (System.nanoTime() - seeding) / 1e9;
                DatabaseCounters before = DatabaseCounters.read(jdbc, DESK_DATABASE);
                Load.Result intake = Load.run(INTAKES / 2, THREADS, n -> desk.intake(DeskClient.newCustomer()));
                awaitAnalysisTasks();
                DatabaseCounters after = DatabaseCounters.read(jdbc, DESK_DATABASE);
                Load.Result lifecycle = Load.run(LIFECYCLES / 2, THREADS,
                        n -> desk.lifecycle(desk.intake(DeskClient.newCustomer())));
                List<Long> listNanos = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    long t0 = System.nanoTime();
                    desk.taskList("agent");
                    listNanos.add(System.nanoTime() - t0);
                }
                Load.Result list = new Load.Result(listNanos.size(), 1, listNanos);
                DatabaseCounters.Delta perIntake = after.since(before, idle).per(intake.count());
                rows.add(String.format(Locale.ROOT, "BENCH growth %,10d stored (%,8d open, seeded in %5.1f s):"
                        + " intake %5.1f /s p95 %5.0f ms | lifecycle %5.2f /s | task list p95 %5.0f ms |"
                        + " per intake %5.0f rows written, %7.0f tuples read", stored, seed.open(), seedSeconds,
                        intake.rate(), intake.p95(), lifecycle.rate(), list.p95(), perIntake.rowsWritten(),
                        perIntake.tuplesRead()));
                System.out.println(rows.get(rows.size() - 1));
            }
        } finally {
            seed.remove();
        }
        System.out.println("BENCH growth, side by side:");
        rows.forEach(System.out::println);
    }

    private void warmUp(DeskClient desk) throws Exception {
        Load.run(20, THREADS, n -> desk.intake(DeskClient.newCustomer()));
        Load.run(THREADS, THREADS, n -> desk.lifecycle(desk.intake(DeskClient.newCustomer())));
        desk.taskList("agent");
    }

    /** Intake's asynchronous part (acknowledgement, the first task) done for every complaint filed. */
    private void awaitAnalysisTasks() throws InterruptedException {
        long until = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < until
                && jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE status = 'RECEIVED'", Long.class) > 0) {
            Thread.sleep(100);
        }
    }

    private static void print(String label, Load.Result result, DatabaseCounters.Delta cost, String unit) {
        System.out.printf(Locale.ROOT, "BENCH %-58s %7.1f %s/s  p50 %6.1f ms  p95 %6.1f ms | per instance:"
                        + " %5.0f rows written, %7.0f tuples read, %5.1f transactions%n", label + ":", result.rate(), unit,
                result.p50(), result.p95(), cost.rowsWritten(), cost.tuplesRead(), cost.transactions());
    }
}
