package vn.complaintdesk.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links that leave the app in mails and letters, built on {@code complaints.public-base-url}
 * (the address customers and staff reach the app at, default {@code http://localhost:8080}).
 */
@Component
public class PublicLinks {

    private final String baseUrl;

    public PublicLinks(@Value("${complaints.public-base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The customer's page for one complaint: {@code <base>/track/{reference}?token=…}. */
    public String tracking(String reference, String token) {
        return baseUrl + "/track/" + encode(reference) + "?token=" + encode(token);
    }

    /** A letter as the customer downloads it: {@code <base>/api/track/{reference}/letters/{id}?token=…}. */
    public String letterDownload(String reference, long letterId, String token) {
        return baseUrl + "/api/track/" + encode(reference) + "/letters/" + letterId + "?token=" + encode(token);
    }

    /** The staff page of a complaint (contract: {@code /complaints/{reference}}). */
    public String staffComplaint(String reference) {
        return baseUrl + "/complaints/" + encode(reference);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
