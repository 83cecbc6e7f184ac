package vn.complaintdesk.complaint;

public enum SocialNetwork {
    FACEBOOK, ZALO, TELEGRAM
}
