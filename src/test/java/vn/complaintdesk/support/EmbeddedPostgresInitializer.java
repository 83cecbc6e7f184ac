package vn.complaintdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts one real PostgreSQL for the whole integration JVM and points the app at it. */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedPostgres server = start();
        TestPropertyValues.of(
                "spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "spring.datasource.driver-class-name=org.postgresql.Driver")
                .applyTo(context.getEnvironment());
        // Registered before every other bean, so destroyed after them: the pool and the job
        // executor stop while the database still answers.
        ((org.springframework.beans.factory.support.DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("embeddedPostgresStopper", EmbeddedPostgresInitializer::stop);
    }

    private static synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private static synchronized EmbeddedPostgres start() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }
}
