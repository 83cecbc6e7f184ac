package vn.complaintdesk.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the Camunda webapps and the engine REST API trust the Spring Security login.
 * Both filters must run after Spring Security's chain, or every user would be refused.
 */
@Configuration
public class CamundaSingleSignOnConfig {

    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                "org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider"));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setName("camunda-container-based-authentication");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                "org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider"));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setName("camunda-engine-rest-authentication");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CamundaLogoutEndsSessionFilter> camundaLogoutEndsSession() {
        FilterRegistrationBean<CamundaLogoutEndsSessionFilter> registration =
                new FilterRegistrationBean<>(new CamundaLogoutEndsSessionFilter());
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setName("camunda-logout-ends-session");
        registration.setOrder(AFTER_SPRING_SECURITY + 1);
        return registration;
    }
}
