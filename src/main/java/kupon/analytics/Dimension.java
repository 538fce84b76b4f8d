package kupon.analytics;

/** What analytics figures are kept by: all orders, a promotion, a code, or the order's channel, source or campaign. */
public enum Dimension { ALL, PROMOTION, CODE, CHANNEL, SOURCE, CAMPAIGN }
