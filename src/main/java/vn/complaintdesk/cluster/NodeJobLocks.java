package vn.complaintdesk.cluster;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The job executor locks jobs under this node's id ({@code complaints.node-id}, e.g. the host or
 * pod name; a random one when unset). A node that restarts under the same id releases the locks it
 * still held when it died before it acquires new jobs, so its own jobs do not wait out the lock
 * time; a dead node's locks are taken over by the others when the lock time has passed. Two running
 * nodes must never share an id.
 */
@Component
public class NodeJobLocks extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(NodeJobLocks.class);

    private final String nodeId;
    private final JdbcTemplate jdbc;

    public NodeJobLocks(@Value("${complaints.node-id:}") String nodeId, JdbcTemplate jdbc) {
        this.nodeId = nodeId.isBlank() ? "node-" + UUID.randomUUID() : nodeId.strip();
        this.jdbc = jdbc;
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getJobExecutor().setLockOwner(nodeId);
    }

    /** The engine's schema exists now, and its job executor starts only when the application is ready. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        // The revision goes up so that a stale copy of a released job cannot be written back.
        int released = jdbc.update("""
                UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1
                WHERE LOCK_OWNER_ = ?""", nodeId);
        if (released > 0) {
            log.info("Node {} released {} job lock(s) it held before its restart", nodeId, released);
        }
    }
}
