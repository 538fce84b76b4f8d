package kupon.promotions;

/** Whether a marketer has a promotion switched on. Its schedule decides separately whether it runs now. */
public enum PromotionStatus { ACTIVE, INACTIVE, ARCHIVED }
