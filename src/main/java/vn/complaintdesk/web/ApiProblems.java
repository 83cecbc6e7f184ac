package vn.complaintdesk.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import vn.complaintdesk.complaint.ComplaintNotFoundException;

/** Every error of our JSON API as application/problem+json, never a 500 for a client's mistake. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;

    public ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidFieldsException e, Locale locale) {
        return validationProblem(e.problems(), locale);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, Locale locale) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messages.getMessage(error, locale)))
                .toList();
        return validationProblem(problems, locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            String message = mapping instanceof InvalidFormatException format && format.getTargetType().isEnum()
                    ? messages.getMessage("validation.oneOf", new Object[] {
                            String.join(", ", enumNames(format.getTargetType()))}, locale)
                    : messages.getMessage("validation.format", null, locale);
            return validationProblem(List.of(new FieldProblem(field, message)), locale);
        }
        return problem(HttpStatus.BAD_REQUEST, messages.getMessage("problem.unreadable", null, locale));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, messages.getMessage("problem.badParameter", null, locale));
    }

    @ExceptionHandler({ComplaintNotFoundException.class, NotFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, messages.getMessage("problem.concurrent", null, locale));
    }

    /** A rule of the engine refused the request (e.g. a task listener's required fields). */
    @ExceptionHandler(org.camunda.bpm.engine.BadUserRequestException.class)
    ResponseEntity<ProblemDetail> refusedByEngine(org.camunda.bpm.engine.BadUserRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, messages.getMessage("problem.status.415", null, locale));
    }

    private ResponseEntity<ProblemDetail> validationProblem(List<FieldProblem> problems, Locale locale) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.invalid", null, locale));
        detail.setType(URI.create("urn:complaint-desk:problem:validation"));
        detail.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        detail.setProperty("errors", problems);
        return ResponseEntity.badRequest().contentType(PROBLEM).body(detail);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String message) {
        if (status.is5xxServerError()) {
            log.error("Server problem: {}", message);
        }
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
        return ResponseEntity.status(status).contentType(PROBLEM).body(detail);
    }

    private static String fieldPath(JsonMappingException mapping) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                parts.add(reference.getFieldName());
            } else {
                parts.add("[" + reference.getIndex() + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static List<String> enumNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        return names;
    }
}
