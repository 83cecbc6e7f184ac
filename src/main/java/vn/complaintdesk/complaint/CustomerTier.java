package vn.complaintdesk.complaint;

public enum CustomerTier {
    STANDARD, AGENCY_1, AGENCY_2, AGENCY_3, AGENCY_4, LOYAL, HIGH_POTENTIAL, SMALL_VALUE, NEGATIVE
}
