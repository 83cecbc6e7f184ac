package vn.complaintdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** How the benchmarks time a call: warm-up calls, then timed repetitions; one BENCH line with p50 and max. */
final class Timings {

    private Timings() {
    }

    /** Answers the last result, so that the caller can check what was timed. */
    static <T> T time(String label, int warmUp, int repetitions, Supplier<T> call) {
        T result = null;
        for (int i = 0; i < warmUp; i++) {
            result = call.get();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            result = call.get();
            nanos.add(System.nanoTime() - t0);
        }
        Collections.sort(nanos);
        System.out.printf(Locale.ROOT, "BENCH %-55s p50 %8.1f ms   max %8.1f ms   (%d runs after %d warm-up)%n",
                label + ":", nanos.get((nanos.size() - 1) / 2) / 1e6, nanos.get(nanos.size() - 1) / 1e6,
                repetitions, warmUp);
        return result;
    }
}
