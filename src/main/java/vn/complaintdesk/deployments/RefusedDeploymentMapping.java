package vn.complaintdesk.deployments;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.dto.ParseExceptionDto;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers a refused deployment on {@code /engine-rest} as Camunda answers a diagram it cannot parse (400,
 * {@code type: ParseException}, {@code details} per resource with line and element ids), which Camunda Modeler
 * shows as such.
 */
@Configuration
public class RefusedDeploymentMapping {

    @Bean
    ResourceConfigCustomizer refusedDeploymentIsABadRequest() {
        return config -> config.register(RefusedDeploymentMapper.class);
    }

    public static class RefusedDeploymentMapper implements ExceptionMapper<DeploymentRefusedException> {

        @Override
        public Response toResponse(DeploymentRefusedException refused) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ParseExceptionDto.fromException(refused.problems())).build();
        }
    }
}
