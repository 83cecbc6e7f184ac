package vn.complaintdesk.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Our tables must exist before the engine starts: its plugins and listeners use them, and Flyway
 * must meet an empty schema, not one the engine already filled.
 */
@Component
public class FlywayBeforeEngine extends AbstractDependsOnBeanFactoryPostProcessor {

    public FlywayBeforeEngine() {
        super(ProcessEngine.class, "flywayInitializer");
    }
}
