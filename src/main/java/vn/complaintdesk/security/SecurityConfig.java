package vn.complaintdesk.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;
import static vn.complaintdesk.security.EngineApiPaths.engineApi;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.complaintdesk.security.login.BasicLoginFilter;
import vn.complaintdesk.security.login.LoginAttempt;
import vn.complaintdesk.security.login.LoginDoor;
import vn.complaintdesk.security.login.LoginRefusals;

/**
 * One login for everything: our pages, the Camunda webapps and both REST APIs.
 * Three chains because {@code /engine-rest} and {@code /camunda} are separate servlets with
 * their own CSRF handling; path-pattern matchers are used since plain string matchers miss them.
 * CSRF is skipped only for a request whose HTTP Basic credentials were verified ({@link BasicLoginFilter}).
 */
@Configuration
public class SecurityConfig {

    private final CamundaIdentityAuthenticationProvider identityProvider;
    private final LoginRefusals loginRefusals;
    private final ClientAddress clientAddress;
    private final SecurityProblems problems;
    private final TaskCommentAuthorization taskComments;
    private final CockpitAccess cockpitAccess;

    public SecurityConfig(CamundaIdentityAuthenticationProvider identityProvider, LoginRefusals loginRefusals,
            ClientAddress clientAddress, SecurityProblems problems, TaskCommentAuthorization taskComments,
            CockpitAccess cockpitAccess) {
        this.identityProvider = identityProvider;
        this.loginRefusals = loginRefusals;
        this.clientAddress = clientAddress;
        this.problems = problems;
        this.taskComments = taskComments;
        this.cockpitAccess = cockpitAccess;
    }

    /**
     * The CSRF check runs before anyone is known, so an API write without credentials would be
     * refused as 403; the contract answers every API call without credentials with 401.
     */
    private AccessDeniedHandler apiRefusal() {
        return (request, response, denied) -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller == null || caller instanceof AnonymousAuthenticationToken) {
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.loginRequired");
            } else {
                problems.write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
            }
        };
    }

    private BasicLoginFilter basicLogin() {
        return new BasicLoginFilter(new ProviderManager(identityProvider), loginRefusals, clientAddress);
    }

    /**
     * What Camunda's own authorizations cannot say: comments only by those who work the task; a
     * user's profile and account only by administrators (one's own password stays changeable);
     * metrics only for administrators; no password checks by API, which would bypass the throttle.
     */
    private void leastPrivilegeInTheEngine(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(engineApi(HttpMethod.POST, "/task/{" + EngineApiPaths.TASK_ID + "}/comment/create"))
                .access(taskComments)
                .requestMatchers(engineApi(HttpMethod.DELETE, "/user/{userId}")).hasRole(StaffRoles.ADMIN)
                .requestMatchers(engineApi(HttpMethod.PUT, "/user/{userId}/profile")).hasRole(StaffRoles.ADMIN)
                .requestMatchers(engineApi(null, "/metrics/**")).hasRole(StaffRoles.ADMIN)
                .requestMatchers(engineApi(HttpMethod.POST, "/identity/verify")).hasRole(StaffRoles.ADMIN);
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
        http.securityMatcher(withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> {
                    leastPrivilegeInTheEngine(auth);
                    auth.anyRequest().authenticated();
                })
                .addFilterBefore(basicLogin(), CsrfFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler(apiRefusal()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BasicLoginFilter.AUTHENTICATED_BY_BASIC));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappChain(HttpSecurity http) throws Exception {
        http.securityMatcher(withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(withDefaults().matcher("/camunda/assets/**")).permitAll()
                            .requestMatchers(withDefaults().matcher("/camunda/lib/**")).permitAll()
                            .requestMatchers(withDefaults().matcher("/camunda/favicon.ico")).permitAll()
                            // The webapps' own login checks passwords past our throttle; our /login serves them.
                            .requestMatchers(withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/**"))
                            .denyAll()
                            .requestMatchers(withDefaults().matcher("/camunda/api/cockpit/**")).access(cockpitAccess);
                    leastPrivilegeInTheEngine(auth);
                    auth.anyRequest().authenticated();
                })
                .exceptionHandling(ex -> ex
                        .defaultAccessDeniedHandlerFor(apiRefusal(), withDefaults().matcher("/camunda/api/**"))
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
    SecurityFilterChain applicationChain(HttpSecurity http,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping pages) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/login/throttled", "/error", "/complaint", "/complaint/**", "/track/**",
                                "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs/public").permitAll()
                        .requestMatchers(withDefaults().matcher(HttpMethod.POST, "/api/complaints")).permitAll()
                        .requestMatchers("/api/track/**", "/api/channels/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(StaffRoles.ADMIN)
                        .requestMatchers("/complaints/new").hasAnyRole(StaffRoles.AGENTS, StaffRoles.DIRECTORS)
                        .requestMatchers("/admin/**").hasRole(StaffRoles.ADMIN)
                        .requestMatchers("/inbox").hasAnyRole(StaffRoles.AGENTS, StaffRoles.DIRECTORS, StaffRoles.ADMIN)
                        .requestMatchers("/audit/**", "/dashboard").hasAnyRole(StaffRoles.AUDITORS, StaffRoles.DIRECTORS)
                        .requestMatchers("/processes", "/processes/**").hasAnyRole(StaffRoles.ANALYSTS, StaffRoles.ADMIN, StaffRoles.DIRECTORS)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/tasks").permitAll()
                        .authenticationDetailsSource(request -> new LoginAttempt(clientAddress.of(request), LoginDoor.FORM))
                        .failureHandler(loginRefusals.form()))
                .addFilterBefore(basicLogin(), CsrfFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                withDefaults().matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                withDefaults().matcher("/actuator/**"))
                        .defaultAuthenticationEntryPointFor(
                                new UnknownPathIsNotFound(pages, new LoginUrlAuthenticationEntryPoint("/login")),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(apiRefusal(), withDefaults().matcher("/api/**")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        BasicLoginFilter.AUTHENTICATED_BY_BASIC,
                        withDefaults().matcher(HttpMethod.POST, "/api/complaints"),
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
