package vn.complaintdesk.letters;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.letterhead.*}: the company's details printed at the top of every letter and at
 * the foot of every mail; {@code place} is the town of the dateline ("TP. Hồ Chí Minh, ngày …").
 */
@ConfigurationProperties("complaints.letterhead")
public record LetterheadProperties(String company, String address, String hotline, String email, String website,
        String place) {

    public LetterheadProperties {
        company = company == null ? "Complaint Desk" : company;
        address = address == null ? "" : address;
        hotline = hotline == null ? "" : hotline;
        email = email == null ? "" : email;
        website = website == null ? "" : website;
        place = place == null ? "TP. Hồ Chí Minh" : place;
    }
}
