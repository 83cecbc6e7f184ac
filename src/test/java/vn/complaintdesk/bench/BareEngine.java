package vn.complaintdesk.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * A plain Camunda engine of the same version (FULL history, no plugins, no job executor) on a
 * database of its own on the same PostgreSQL server, for side-by-side figures.
 */
final class BareEngine implements AutoCloseable {

    static final String DATABASE = "bare";
    static final String ONE_TASK = "bench-one-task";
    static final String TASKS = "bench-tasks";

    private final ProcessEngine engine;
    private final int steps;

    BareEngine(String jdbcUrl, String user, String password, int steps, int threads) {
        this.steps = steps;
        this.engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("bare-bench")
                .setJdbcUrl(jdbcUrl).setJdbcUsername(user).setJdbcPassword(password)
                .setJdbcDriver("org.postgresql.Driver")
                .setJdbcMaxActiveConnections(threads + 2)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("bench")
                .addModelInstance(ONE_TASK + ".bpmn", chain(ONE_TASK, 1))
                .addModelInstance(TASKS + ".bpmn", chain(TASKS, steps))
                .deploy();
    }

    private static BpmnModelInstance chain(String key, int tasks) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30).startEvent();
        for (int i = 1; i <= tasks; i++) {
            flow = flow.userTask("Step" + i).camundaCandidateGroups("cs-agents");
        }
        return flow.endEvent().done();
    }

    /** (a): one transaction, the instance waits in its user task. */
    void startOneTask() {
        engine.getRuntimeService().startProcessInstanceByKey(ONE_TASK);
    }

    /** (b): start, then each user task found and completed, one transaction each. */
    void runAllSteps() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey(TASKS).getId();
        TaskService tasks = engine.getTaskService();
        for (int i = 0; i < steps; i++) {
            Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            tasks.complete(task.getId());
        }
    }

    int transactionsPerLifecycle() {
        return steps + 1;
    }

    @Override
    public void close() {
        engine.close();
    }
}
