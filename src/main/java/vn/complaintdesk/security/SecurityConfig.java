package vn.complaintdesk.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything: our pages, the Camunda webapps and both REST APIs.
 * Three chains because {@code /engine-rest} and {@code /camunda} are separate servlets with
 * their own CSRF handling; path-pattern matchers are used since plain string matchers miss them.
 */
@Configuration
public class SecurityConfig {

    private static final RequestMatcher CARRIES_AUTHORIZATION_HEADER =
            request -> request.getHeader("Authorization") != null;

    /**
     * The CSRF check runs before anyone is known, so an API write without credentials would be
     * refused as 403; the contract answers every /api call without credentials with 401.
     */
    private static final AccessDeniedHandler ANONYMOUS_API_CALL_IS_UNAUTHORIZED = (request, response, denied) -> {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken) {
            response.sendError(HttpStatus.UNAUTHORIZED.value());
        } else {
            new AccessDeniedHandlerImpl().handle(request, response, denied);
        }
    };

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
        http.securityMatcher(withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(CARRIES_AUTHORIZATION_HEADER));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappChain(HttpSecurity http) throws Exception {
        http.securityMatcher(withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(withDefaults().matcher("/camunda/assets/**")).permitAll()
                        .requestMatchers(withDefaults().matcher("/camunda/lib/**")).permitAll()
                        .requestMatchers(withDefaults().matcher("/camunda/favicon.ico")).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                withDefaults().matcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true))
                // Camunda's own XSRF-TOKEN filter guards the webapps.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain applicationChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/error", "/complaint", "/complaint/**", "/track/**",
                                "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs/public").permitAll()
                        .requestMatchers(withDefaults().matcher(org.springframework.http.HttpMethod.POST, "/api/complaints")).permitAll()
                        .requestMatchers("/api/track/**", "/api/channels/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(StaffRoles.ADMIN)
                        .requestMatchers("/complaints/new").hasAnyRole(StaffRoles.AGENTS, StaffRoles.DIRECTORS)
                        .requestMatchers("/admin/**").hasRole(StaffRoles.ADMIN)
                        .requestMatchers("/inbox").hasAnyRole(StaffRoles.AGENTS, StaffRoles.DIRECTORS, StaffRoles.ADMIN)
                        .requestMatchers("/audit/**", "/dashboard").hasAnyRole(StaffRoles.AUDITORS, StaffRoles.DIRECTORS)
                        .requestMatchers("/processes", "/processes/**").hasAnyRole(StaffRoles.ANALYSTS, StaffRoles.ADMIN, StaffRoles.DIRECTORS)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/tasks").permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                withDefaults().matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                withDefaults().matcher("/actuator/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(ANONYMOUS_API_CALL_IS_UNAUTHORIZED, withDefaults().matcher("/api/**")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        CARRIES_AUTHORIZATION_HEADER,
                        withDefaults().matcher(org.springframework.http.HttpMethod.POST, "/api/complaints"),
                        withDefaults().matcher("/api/track/**"),
                        withDefaults().matcher("/api/channels/**")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "object-src 'none'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

}
