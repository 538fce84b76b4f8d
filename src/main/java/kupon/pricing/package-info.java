/**
 * The pricing core: applies offers to a cart, one small calculator per reward type, in plain Java.
 *
 * <p><b>Money.</b> Amounts enter as {@code BigDecimal} at the currency's scale ({@link kupon.pricing.PricingLine},
 * {@link kupon.pricing.PricingShipping}) and leave as {@link kupon.pricing.Money} in {@link kupon.pricing.PricingResult}.
 * In between, calculators work on raw {@code BigDecimal}s held by {@link kupon.pricing.PricingState} and
 * {@link kupon.pricing.Ledger}, all at that one scale: a calculator multiplies a price by a percentage, compares it with
 * what is left of a line, splits it over units; wrapping each step in {@code Money} would add an allocation and a
 * currency check per unit of a 50,000-unit cart without making any step more exact, because the scale never changes
 * inside the core. Every rounding goes through {@link kupon.pricing.Rounding} (a test checks no other class rounds);
 * every other {@code setScale} only widens the scale, exactly, and would throw rather than round.
 */
package kupon.pricing;
