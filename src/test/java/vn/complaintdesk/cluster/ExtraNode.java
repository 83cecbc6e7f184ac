package vn.complaintdesk.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import vn.complaintdesk.ComplaintDeskApplication;

/**
 * Another node of the desk in the test JVM: the whole application on its own port, on the database
 * and mail server of the shared integration context. Its engine has a name of its own because
 * Camunda keeps engines in a JVM-wide registry; the webapps of every node use the engine
 * {@code default}, which works on the same database.
 */
final class ExtraNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ExtraNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** {@code name}: letters and digits only, Camunda ignores an engine name with a hyphen. */
    static ExtraNode start(Environment shared, String name, String... properties) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String key : new String[] {"spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "spring.datasource.driver-class-name", "spring.mail.port"}) {
            settings.put(key, shared.getRequiredProperty(key));
        }
        settings.put("server.port", "0");
        settings.put("camunda.bpm.process-engine-name", name);
        settings.put("complaints.node-id", name);
        settings.put("spring.main.banner-mode", "off");
        for (String property : properties) {
            int equals = property.indexOf('=');
            settings.put(property.substring(0, equals), property.substring(equals + 1));
        }
        // As command-line arguments, which win over the application's own yml (default properties would not).
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new ExtraNode(new SpringApplicationBuilder(ComplaintDeskApplication.class).profiles("it")
                .run(arguments));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
