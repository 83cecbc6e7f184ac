package vn.complaintdesk.deployments;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code processes}, part of the readiness group: DOWN until
 * {@link ProcessDeployer} has deployed {@code processes/}, so a load balancer sends no complaint to
 * a node that could not start its process yet.
 */
@Component("processesHealthIndicator")
public class ProcessesDeployedHealth implements HealthIndicator {

    private volatile String deploymentId;

    void deployed(String deploymentId) {
        this.deploymentId = deploymentId;
    }

    @Override
    public Health health() {
        return deploymentId == null ? Health.down().withDetail("processes", "not deployed yet").build()
                : Health.up().withDetail("deployment", deploymentId).build();
    }
}
