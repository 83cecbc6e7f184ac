package vn.complaintdesk.complaint;

public enum Channel {
    WEB_FORM, LIVE_CHAT, HOTLINE, EMAIL, MOBILE_APP, SOCIAL, IN_PERSON, POST
}
