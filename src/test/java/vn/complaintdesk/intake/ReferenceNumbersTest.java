package vn.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.complaintdesk.support.DeskTest;

/** On H2 (the PostgreSQL twin is in PostgresEndToEndIT): concurrent intakes never share a number. */
@DeskTest
class ReferenceNumbersTest {

    @Autowired ReferenceNumbers references;

    @Test
    void concurrentRequestsForANewYearGetDistinctConsecutiveNumbers() throws Exception {
        int year = 2091; // no other test of the shared context files complaints in it
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = IntStream.range(0, 60).mapToObj(i -> (Callable<String>) () -> references.next(year))
                    .toList();
            List<String> numbers = new ArrayList<>();
            for (Future<String> future : pool.invokeAll(calls)) {
                numbers.add(future.get());
            }
            assertThat(numbers).doesNotHaveDuplicates().hasSize(60)
                    .allMatch(n -> n.matches("KN-2091-\\d{6}"));
            assertThat(numbers.stream().sorted().toList()).first().isEqualTo("KN-2091-000001");
            assertThat(numbers.stream().sorted().toList()).last().isEqualTo("KN-2091-000060");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachYearHasItsOwnSequence() {
        // Years no other test of the shared context files complaints in.
        assertThat(references.next(2092)).isEqualTo("KN-2092-000001");
        assertThat(references.next(2093)).isEqualTo("KN-2093-000001");
        assertThat(references.next(2092)).isEqualTo("KN-2092-000002");
    }
}
