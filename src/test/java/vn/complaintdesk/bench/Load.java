package vn.complaintdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Runs a call for 0..count-1 on a fixed number of threads; its rate and the latencies of each call. */
final class Load {

    record Result(int count, double seconds, List<Long> nanos) {

        double rate() {
            return count / seconds;
        }

        double p50() {
            return percentile(50);
        }

        double p95() {
            return percentile(95);
        }

        double percentile(int p) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }

    private Load() {
    }

    static Result run(int count, int threads, IntConsumer call) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(() -> {
                    long t0 = System.nanoTime();
                    call.accept(n);
                    nanos.add(System.nanoTime() - t0);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(calls)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(count, (System.nanoTime() - start) / 1e9, nanos);
    }
}
