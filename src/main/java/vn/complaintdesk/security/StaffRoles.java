package vn.complaintdesk.security;

import java.util.List;

/** Camunda group ids, which are the staff roles of the desk. */
public final class StaffRoles {

    public static final String ADMIN = "camunda-admin";
    public static final String AGENTS = "cs-agents";
    public static final String DIRECTORS = "cs-directors";
    public static final String DEPT_TECHNICAL = "dept-technical";
    public static final String DEPT_FINANCE = "dept-finance";
    public static final String DEPT_OPERATIONS = "dept-operations";
    public static final String LEGAL = "legal";
    public static final String AUDITORS = "auditors";
    public static final String ANALYSTS = "analysts";

    public static final List<String> ALL = List.of(ADMIN, AGENTS, DIRECTORS, DEPT_TECHNICAL, DEPT_FINANCE,
            DEPT_OPERATIONS, LEGAL, AUDITORS, ANALYSTS);

    private StaffRoles() {
    }

    public static String authorityOf(String groupId) {
        return "ROLE_" + groupId;
    }
}
