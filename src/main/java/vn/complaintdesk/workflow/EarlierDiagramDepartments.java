package vn.complaintdesk.workflow;

import org.springframework.stereotype.Component;

/**
 * For complaints still running on diagram versions deployed before the departments' groups became
 * a routing fact: they name their candidate group {@code ${departmentGroup.of(department)}}.
 * New deployments may not call beans in expressions.
 */
@Component("departmentGroup")
public class EarlierDiagramDepartments {

    public String of(String department) {
        return DepartmentGroups.groupOf(department);
    }
}
