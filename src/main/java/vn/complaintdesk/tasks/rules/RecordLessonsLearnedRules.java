package vn.complaintdesk.tasks.rules;

import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.tasks.TaskFieldChecks;
import vn.complaintdesk.tasks.TaskFieldRules;
import vn.complaintdesk.web.FieldProblem;

/** RecordLessonsLearned (rút kinh nghiệm): what to change, and whether staff need training. */
@Component
public class RecordLessonsLearnedRules implements TaskFieldRules {

    private final HandlingRecords records;
    private final ComplaintEventLog eventLog;

    public RecordLessonsLearnedRules(HandlingRecords records, ComplaintEventLog eventLog) {
        this.records = records;
        this.eventLog = eventLog;
    }

    @Override
    public String taskKey() {
        return "RecordLessonsLearned";
    }

    @Override
    public Set<String> fieldNames() {
        return Set.of("lesson", "trainingNeeded");
    }

    @Override
    public Optional<ComplaintStatus> statusWhileOpen(Complaint complaint) {
        return Optional.of(ComplaintStatus.CLOSING);
    }

    @Override
    public List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks) {
        checks.required("lesson");
        checks.maxLength("lesson", 4000);
        checks.bool("trainingNeeded");
        return checks.problems();
    }

    @Override
    public void apply(Complaint complaint, Map<String, Object> fields, String actor, DelegateTask task) {
        TaskFieldChecks values = new TaskFieldChecks(fields, null, null);
        boolean training = Boolean.TRUE.equals(values.bool("trainingNeeded"));
        records.lessonLearned(complaint.id(), values.text("lesson"), training, actor);
        eventLog.record(complaint.id(), actor, "LESSON_LEARNED", training ? Map.of("training", "true") : Map.of(),
                values.text("lesson"));
    }
}
