package kupon.pricing;

import java.math.BigDecimal;
import java.util.Currency;

/** Describes rewards and shortfalls in plain words for hint messages ("Spend 100.00 more to get 20.00 off."). */
final class RewardWording {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Currency currency;
    private final Rounding rounding;

    RewardWording(Currency currency, Rounding rounding) {
        this.currency = currency;
        this.rounding = rounding;
    }

    String spendMore(BigDecimal missing, String reward) {
        return "Spend " + money(missing) + " more to get " + reward + ".";
    }

    String addMore(BigDecimal missing, boolean ofSameItem, String reward) {
        String what = missing.compareTo(BigDecimal.ONE) == 0 ? "item" : "items";
        String of = ofSameItem ? " of the same item" : " " + what;
        return "Add " + missing.toPlainString() + " more" + of + " to get " + reward + ".";
    }

    String describe(Reward reward) {
        if (reward instanceof Reward.PercentOff p) {
            return percent(p.percent()) + " off" + suffix(p.target());
        }
        if (reward instanceof Reward.AmountOff a) {
            boolean each = a.allocation() == Reward.Allocation.EACH && a.target() != Target.SHIPPING;
            return money(a.amount()) + " off" + (each ? " each item" : suffix(a.target()));
        }
        if (reward instanceof Reward.FixedPrice f) {
            return f.bundleQuantity() == null
                    ? "items for " + money(f.price()) + " each"
                    : f.bundleQuantity() + " for " + money(f.price());
        }
        if (reward instanceof Reward.FreeShipping s) {
            return s.percent() == null || s.percent().compareTo(HUNDRED) == 0
                    ? "free shipping"
                    : percent(s.percent()) + " off shipping";
        }
        if (reward instanceof Reward.BuyXGetY b) {
            return "buy " + b.buyQuantity() + ", get " + b.getQuantity() + " " + gotWords(b);
        }
        if (reward instanceof Reward.Tiered t) {
            return describe(t, t.tiers().get(0));
        }
        Reward.FreeGift g = (Reward.FreeGift) reward;
        return (g.quantity() == 1 ? "a free " : g.quantity() + " free ") + g.sku();
    }

    String describe(Reward.Tiered reward, Reward.Tier tier) {
        String value = reward.valueType() == Reward.ValueType.PERCENT ? percent(tier.value()) : money(tier.value());
        return value + " off" + suffix(reward.target());
    }

    private String gotWords(Reward.BuyXGetY reward) {
        if (reward.percentOff() != null && reward.percentOff().compareTo(HUNDRED) != 0) {
            return "at " + percent(reward.percentOff()) + " off";
        }
        if (reward.percentOff() == null && reward.amountOff() != null) {
            return "with " + money(reward.amountOff()) + " off";
        }
        return "free";
    }

    private static String suffix(Target target) {
        return target == Target.SHIPPING ? " shipping" : "";
    }

    private String money(BigDecimal amount) {
        return rounding.round(amount, currency).toPlainString();
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString() + "%";
    }
}
