/**
 * The pricing core: applies offers to a cart, one small calculator per reward type, in plain Java.
 *
 * <p><b>Money.</b> Amounts enter as {@code BigDecimal}: prices in {@link kupon.pricing.PricingLine} and
 * {@link kupon.pricing.PricingShipping}, reward amounts and caps in {@link kupon.pricing.Offer}. They leave as
 * {@link kupon.pricing.Money} in {@link kupon.pricing.PricingResult}, made by {@link kupon.pricing.Ledger} when it
 * writes the result. In between the core computes in {@code BigDecimal}, for three reasons:
 * <ul>
 *   <li>One run prices one cart in one currency ({@link kupon.pricing.PricingCart#currency()}), and an offer's
 *       amounts carry none ("10.00 off" is in the cart's currency), so there is no second currency for
 *       {@code Money}'s check to catch.</li>
 *   <li>Every amount a calculator holds (what is left of a group of units, a share, a shipping discount) is at the
 *       currency's scale from the moment it enters, and the {@link kupon.pricing.Allocator} splits amounts as whole
 *       minor units ({@code BigInteger}); the values that are not money (percentages, tax rates, allocation weights)
 *       multiply money and are rounded right away. {@code Money} would make no step more exact.</li>
 *   <li>The engine runs per group of alike units, many times per offer on a large cart; a wrapper per operation
 *       adds an object and a currency comparison to each of them for nothing.</li>
 * </ul>
 * Every rounding goes through {@link kupon.pricing.Rounding}: the configured mode for money rounded to the minor
 * unit, {@code atLeast}/{@code atMost} where the direction keeps a promise (a floor, a budget), {@code exact} where
 * only the scale changes. A test checks that no other main class rounds, divides or sets a scale.
 */
package kupon.pricing;
