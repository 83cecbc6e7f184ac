package vn.complaintdesk.tasks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.security.CurrentStaff;
import vn.complaintdesk.templates.Placeholders;
import vn.complaintdesk.templates.ReplyTemplate;
import vn.complaintdesk.templates.ReplyTemplateFiller;
import vn.complaintdesk.templates.ReplyTemplates;
import vn.complaintdesk.templates.TemplatePurpose;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.ForbiddenException;
import vn.complaintdesk.web.InvalidFieldsException;
import vn.complaintdesk.web.NotFoundException;

/**
 * The template picker of the task forms: one template filled for the task's complaint, for the form's
 * script to put into the field the template's purpose fills (the reply text in the proposal forms, the
 * questions for the customer in AnalyzeComplaint). Only whoever may work the task gets it, and only a
 * template written for that form.
 */
@RestController
public class ReplyTemplatePickerController {

    private final TaskWork work;
    private final ReplyTemplates templates;
    private final ReplyTemplateFiller filler;
    private final MessageSource messages;

    public ReplyTemplatePickerController(TaskWork work, ReplyTemplates templates, ReplyTemplateFiller filler,
            MessageSource messages) {
        this.work = work;
        this.templates = templates;
        this.filler = filler;
        this.messages = messages;
    }

    /**
     * 200 {@code {text}}; 400 with the reason when the amount is not a valid one or the template needs
     * a value it cannot have (yet) (the text is then not given at all); 404 for a template that is
     * inactive or of another purpose than the task's form; 403 / 404 / 409 as for the task.
     */
    @GetMapping(path = "/tasks/{taskId}/reply-templates/{templateId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, String> filled(@PathVariable String taskId, @PathVariable long templateId,
            @RequestParam(required = false) String amount, Authentication authentication, Locale locale) {
        Task task = work.require(taskId);
        CurrentStaff staff = CurrentStaff.of(authentication);
        if (!work.mayWork(task, staff.userId(), staff.groups())) {
            throw new ForbiddenException(text("task.notYourGroup", locale));
        }
        Complaint complaint = work.complaintOf(task);
        TemplatePurpose purpose = TemplatePurpose.ofTask(task.getTaskDefinitionKey()).orElse(null);
        ReplyTemplate template = templates.find(templateId).filter(ReplyTemplate::active)
                .filter(t -> t.purpose() == purpose && complaint != null)
                .orElseThrow(() -> new NotFoundException(text("templates.notFound", locale)));
        Long typedAmount = purpose == TemplatePurpose.REPLY ? amountOf(amount, locale) : null;
        try {
            return Map.of("text", filler.fill(template, complaint, typedAmount));
        } catch (Placeholders.Unfilled unfilled) {
            String names = unfilled.names().stream().map(Placeholders::written).collect(Collectors.joining(", "));
            boolean onlyAmountMissing = purpose == TemplatePurpose.REPLY && unfilled.names().equals(List.of("amount"));
            String key = onlyAmountMissing ? "templates.needsAmount" : "templates.unfilled";
            throw new InvalidFieldsException(List.of(new FieldProblem(purpose.field(), text(key, locale, names))));
        }
    }

    private Long amountOf(String amount, Locale locale) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(amount.strip());
            if (value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0) {
                return value.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException invalid) {
            // answered below
        }
        throw new InvalidFieldsException(List.of(new FieldProblem("amount", text("validation.amount", locale))));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
