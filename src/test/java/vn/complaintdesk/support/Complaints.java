package vn.complaintdesk.support;

import java.time.LocalDate;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.intake.ComplaintSubmission;

/** Ready-made intake requests for tests. */
public final class Complaints {

    private Complaints() {
    }

    public static ComplaintSubmission promotionQuestion(LocalDate incidentDate) {
        return submission(Category.PROMOTION_TERMS, incidentDate);
    }

    public static ComplaintSubmission submission(Category category, LocalDate incidentDate) {
        return submission(category, incidentDate, "vi");
    }

    /** The same complaint from a customer who reads {@code language} (vi or en). */
    public static ComplaintSubmission submission(Category category, LocalDate incidentDate, String language) {
        return new ComplaintSubmission(Channel.WEB_FORM, null, category, "Chưa nhận được tiền thưởng khuyến mãi",
                "Tôi đã đủ điều kiện nhưng chưa được cộng thưởng tuần này.", incidentDate, null,
                new ComplaintSubmission.CustomerData("Phạm Quốc Anh", "anh.pham@example.vn", "+84900000001", "ACC-1",
                        null, language));
    }

    public static String json(String category, String incidentDate) {
        return """
                {"channel":"WEB_FORM","category":"%s","subject":"Chưa nhận được tiền thưởng",
                 "description":"Tôi đã đủ điều kiện nhưng chưa được cộng thưởng.","incidentDate":"%s",
                 "customer":{"name":"Phạm Quốc Anh","email":"anh.pham@example.vn","language":"vi"}}"""
                .formatted(category, incidentDate);
    }
}
