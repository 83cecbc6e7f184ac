package vn.complaintdesk.workflow;

import static vn.complaintdesk.workflow.ProcessNames.Variable.ACCEPTS;
import static vn.complaintdesk.workflow.ProcessNames.Variable.AMOUNT;
import static vn.complaintdesk.workflow.ProcessNames.Variable.CATEGORY;
import static vn.complaintdesk.workflow.ProcessNames.Variable.CHANNEL;
import static vn.complaintdesk.workflow.ProcessNames.Variable.CUSTOMER_TIER;
import static vn.complaintdesk.workflow.ProcessNames.Variable.DAYS_SINCE_INCIDENT;
import static vn.complaintdesk.workflow.ProcessNames.Variable.DECISION;
import static vn.complaintdesk.workflow.ProcessNames.Variable.DEPARTMENTS;
import static vn.complaintdesk.workflow.ProcessNames.Variable.DEPARTMENT_GROUPS;
import static vn.complaintdesk.workflow.ProcessNames.Variable.FIRST_CONTACT;
import static vn.complaintdesk.workflow.ProcessNames.Variable.OUTCOME;
import static vn.complaintdesk.workflow.ProcessNames.Variable.PRIORITY;
import static vn.complaintdesk.workflow.ProcessNames.Variable.RATING;
import static vn.complaintdesk.workflow.ProcessNames.Variable.REMEDY;
import static vn.complaintdesk.workflow.ProcessNames.Variable.ROUND;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.HandlingRecords;

/**
 * The facts that route a complaint (gateways, decision tables, the departments that investigate),
 * read from our tables. {@link RoutingFactsPlugin} sets them right before each element that reads
 * them, so a process variable written by a caller never decides a path.
 */
@Component
public class RoutingFacts {

    /** Every variable name whose value the desk owns. */
    public static final Set<String> NAMES = Set.of(CATEGORY, CHANNEL, CUSTOMER_TIER, DAYS_SINCE_INCIDENT, PRIORITY,
            ROUND, FIRST_CONTACT, OUTCOME, DEPARTMENT_GROUPS, DEPARTMENTS, REMEDY, AMOUNT, DECISION, ACCEPTS, RATING);

    private final ComplaintRepository complaints;
    private final HandlingRecords records;
    private final ZoneId zone;

    public RoutingFacts(ComplaintRepository complaints, HandlingRecords records, WorkingDayCalendar calendar) {
        this.complaints = complaints;
        this.records = records;
        this.zone = calendar.zone();
    }

    /** The facts a new complaint starts with. */
    public Map<String, Object> atIntake(Complaint complaint) {
        Map<String, Object> facts = new HashMap<>(intakeFacts(complaint));
        facts.put(ROUND, 1);
        facts.put(FIRST_CONTACT, false);
        return facts;
    }

    /**
     * Sets the named facts on the execution from our tables. First contact and the proposal fail
     * closed (no record: not first contact, no remedy); any other fact our tables do not hold yet
     * leaves the variable as it is.
     */
    public void refresh(DelegateExecution execution, Set<String> names) {
        if (names.isEmpty() || execution.getProcessBusinessKey() == null) {
            return;
        }
        Complaint complaint = complaints.require(execution.getProcessBusinessKey());
        of(complaint, names).forEach((name, value) -> {
            if (!Objects.equals(execution.getVariable(name), value)) {
                execution.setVariable(name, value);
            }
        });
    }

    Map<String, Object> of(Complaint complaint, Set<String> names) {
        Map<String, Object> facts = new HashMap<>();
        if (names.stream().anyMatch(Set.of(CATEGORY, CHANNEL, CUSTOMER_TIER, DAYS_SINCE_INCIDENT)::contains)) {
            intakeFacts(complaint).forEach((name, value) -> {
                if (names.contains(name)) {
                    facts.put(name, value);
                }
            });
        }
        if (names.contains(PRIORITY) && complaint.priority() != null) {
            facts.put(PRIORITY, complaint.priority());
        }
        if (names.contains(ROUND)) {
            facts.put(ROUND, complaint.round());
        }
        if (names.contains(FIRST_CONTACT) || names.contains(OUTCOME) || names.contains(DEPARTMENT_GROUPS)
                || names.contains(DEPARTMENTS)) {
            Optional<HandlingRecords.Analysis> analysis = records.latestAnalysis(complaint.id());
            analysis.ifPresent(a -> {
                put(facts, names, OUTCOME, a.outcome());
                put(facts, names, DEPARTMENT_GROUPS, new ArrayList<>(a.departments().stream()
                        .map(DepartmentGroups::groupOf).toList()));
                put(facts, names, DEPARTMENTS, new ArrayList<>(a.departments()));
            });
            // Fails closed: without a recorded analysis nothing was resolved at first contact.
            put(facts, names, FIRST_CONTACT, analysis.map(a -> firstContact(complaint, a)).orElse(false));
        }
        if (names.contains(REMEDY) || names.contains(AMOUNT)) {
            // Without a proposal of this round the decision table sees no remedy, and the director decides.
            Optional<HandlingRecords.Proposal> proposal = records.latestProposal(complaint.id())
                    .filter(p -> p.round() == complaint.round());
            put(facts, names, REMEDY, proposal.map(HandlingRecords.Proposal::remedy).orElse(null));
            put(facts, names, AMOUNT, proposal.map(HandlingRecords.Proposal::amount).orElse(null));
        }
        if (names.contains(DECISION)) {
            records.latestApproval(complaint.id()).filter(a -> a.round() == complaint.round())
                    .ifPresent(a -> facts.put(DECISION, a.decision()));
        }
        if (names.contains(ACCEPTS)) {
            records.latestCustomerAnswer(complaint.id()).filter(a -> a.round() == complaint.round())
                    .ifPresent(a -> facts.put(ACCEPTS, a.accepts()));
        }
        if (names.contains(RATING)) {
            records.survey(complaint.id()).ifPresent(s -> facts.put(RATING, s.rating()));
        }
        return facts;
    }

    /**
     * Resolved at first contact: the first analysis of round 1 chose RESOLVE_NOW and no approver has
     * stepped in since (a rejected or sent-back proposal goes to the director again).
     */
    private boolean firstContact(Complaint complaint, HandlingRecords.Analysis analysis) {
        return complaint.round() == 1 && analysis.count() == 1 && "RESOLVE_NOW".equals(analysis.outcome())
                && records.latestApproval(complaint.id()).isEmpty();
    }

    private Map<String, Object> intakeFacts(Complaint complaint) {
        long days = ChronoUnit.DAYS.between(complaint.incidentDate(),
                complaint.receivedAt().atZoneSameInstant(zone).toLocalDate());
        return Map.of(CATEGORY, complaint.category().name(), CHANNEL, complaint.channel().name(),
                CUSTOMER_TIER, complaint.customer().tier().name(),
                DAYS_SINCE_INCIDENT, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, days)));
    }

    private static void put(Map<String, Object> facts, Set<String> names, String name, Object value) {
        if (names.contains(name)) {
            facts.put(name, value);
        }
    }
}
