package vn.complaintdesk.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.complaintdesk.workflow.ComplaintProcess;

/** Puts {@link EngineRestDoors} on Camunda's REST doors, after the login and Camunda's own authentication. */
@Configuration
public class EngineRestDoorsConfig {

    private static final int AFTER_CAMUNDA_AUTHENTICATION = SecurityProperties.DEFAULT_FILTER_ORDER + 2;

    @Bean
    FilterRegistrationBean<EngineRestDoors> engineRestDoors(ComplaintProcess process, TaskRulesRegistry rules,
            ObjectMapper json) {
        FilterRegistrationBean<EngineRestDoors> registration =
                new FilterRegistrationBean<>(new EngineRestDoors(process, rules, json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("engine-rest-task-doors");
        registration.setOrder(AFTER_CAMUNDA_AUTHENTICATION);
        return registration;
    }
}
