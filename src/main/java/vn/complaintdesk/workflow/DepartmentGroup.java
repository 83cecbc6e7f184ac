package vn.complaintdesk.workflow;

import java.util.Locale;

import org.springframework.stereotype.Component;

/** Maps a department of the contract (TECHNICAL, FINANCE, OPERATIONS) to its candidate group. */
@Component("departmentGroup")
public class DepartmentGroup {

    public String of(String department) {
        return "dept-" + department.toLowerCase(Locale.ROOT);
    }
}
