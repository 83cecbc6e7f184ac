package vn.complaintdesk.notification;

/** How a message reaches its recipient: the customer's e-mail or phone, or a staff group's inbox. */
public enum DeliveryChannel {
    EMAIL, SMS, STAFF
}
