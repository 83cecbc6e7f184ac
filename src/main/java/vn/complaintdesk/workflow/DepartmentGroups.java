package vn.complaintdesk.workflow;

import java.util.Locale;

/** A department of the contract (TECHNICAL, FINANCE, OPERATIONS) and its candidate group (dept-technical, …). */
public final class DepartmentGroups {

    private static final String PREFIX = "dept-";

    private DepartmentGroups() {
    }

    public static String groupOf(String department) {
        return PREFIX + department.toLowerCase(Locale.ROOT);
    }

    /** The department of a department group; null for any other group. */
    public static String departmentOf(String group) {
        return group != null && group.startsWith(PREFIX) ? group.substring(PREFIX.length()).toUpperCase(Locale.ROOT)
                : null;
    }
}
