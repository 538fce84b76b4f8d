package kupon.fraud;

/** What identifies a requester for throttling and blocks. */
public enum SubjectType { IP, EMAIL, CUSTOMER, DEVICE, ADDRESS }
