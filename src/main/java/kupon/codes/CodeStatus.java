package kupon.codes;

/** Whether a code can still be used at all. */
public enum CodeStatus { ACTIVE, INACTIVE }
