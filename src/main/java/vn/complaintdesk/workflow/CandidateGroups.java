package vn.complaintdesk.workflow;

import java.util.List;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** The groups a user task is offered to, read from its identity links. */
public final class CandidateGroups {

    private CandidateGroups() {
    }

    public static List<String> of(List<IdentityLink> links) {
        return links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
    }
}
