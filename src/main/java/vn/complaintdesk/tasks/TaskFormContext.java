package vn.complaintdesk.tasks;

import java.util.List;

import vn.complaintdesk.complaint.HandlingRecords;

/**
 * What a worker needs to decide, shown on every task form: earlier findings, the proposal under
 * review, the director's last decision and comment, the customer's last answer and reason.
 */
public record TaskFormContext(
        int round,
        List<HandlingRecords.InfoRequest> infoRequests,
        List<HandlingRecords.Investigation> investigations,
        HandlingRecords.Proposal proposal,
        HandlingRecords.Approval approval,
        HandlingRecords.CustomerAnswer customerAnswer,
        HandlingRecords.Escalation escalation,
        HandlingRecords.Survey survey,
        String department) {
}
