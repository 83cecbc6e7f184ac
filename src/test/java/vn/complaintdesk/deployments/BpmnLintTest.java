package vn.complaintdesk.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shipped diagrams pass bpmnlint's recommended rules ({@code .bpmnlintrc}), as Camunda Modeler
 * shows them. bpmnlint comes from npm ({@code .ci/run} installs it); without Node.js the test is skipped.
 */
class BpmnLintTest {

    private static final Path INSTALLED = Path.of(System.getProperty("user.home"),
            ".cache/complaint-desk/bpmnlint/node_modules/.bin/bpmnlint");

    @Test
    void shippedDiagramsPassTheRecommendedRules() throws IOException, InterruptedException {
        Path bpmnlint = System.getenv("BPMNLINT") != null ? Path.of(System.getenv("BPMNLINT")) : INSTALLED;
        assumeTrue(Files.isExecutable(bpmnlint), "bpmnlint is not installed (npm, see .ci/run)");
        List<String> command = new ArrayList<>(List.of(bpmnlint.toString()));
        try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
            diagrams.filter(p -> p.toString().endsWith(".bpmn")).sorted().forEach(p -> command.add(p.toString()));
        }

        Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(lint.exitValue()).as(output).isZero();
        assertThat(command).hasSizeGreaterThan(1);
    }
}
