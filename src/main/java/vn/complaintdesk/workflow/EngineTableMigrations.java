package vn.complaintdesk.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * Our changes to the engine's own tables (indexes on ACT_*), in {@code db/engine}: applied by a
 * second Flyway with its own history table once the engine has created or upgraded its schema, and
 * before the job executor starts. The main Flyway cannot do it: it runs before the engine (see
 * {@link FlywayBeforeEngine}), when a fresh database has no ACT_* tables yet.
 */
@Component
public class EngineTableMigrations extends AbstractProcessEnginePlugin {

    static final String HISTORY_TABLE = "complaint_engine_schema_history";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        Flyway.configure()
                .dataSource(engine.getProcessEngineConfiguration().getDataSource())
                .locations("classpath:db/engine")
                .table(HISTORY_TABLE)
                // The schema already holds our tables and the engine's; version 0 marks where ours begin.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
