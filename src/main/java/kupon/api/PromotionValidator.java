package kupon.api;

import kupon.pricing.Reward;
import kupon.pricing.Target;
import kupon.promotions.Promotion;
import kupon.promotions.Promotion.RewardDefinition;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a promotion definition and lists every problem with its field path, so one 422 says all there is to fix. */
public final class PromotionValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Units, bundles and applications beyond what any cart can hold (50,000 units) mean nothing, and sums of them overflow. */
    private static final int MAX_QUANTITY = 1_000_000;
    private static final int MAX_SELECTOR_VALUES = 1000;

    private final List<FieldError> errors = new ArrayList<>();

    private PromotionValidator() {
    }

    /** @throws InvalidRequestException naming every offending field */
    public static void validate(Promotion p) {
        PromotionValidator v = new PromotionValidator();
        if (p == null) {
            throw new InvalidRequestException(List.of(new FieldError("", "the body must be a promotion object")));
        }
        BodyCheck.check(p);
        v.check(p);
        if (!v.errors.isEmpty()) {
            throw new InvalidRequestException(v.errors);
        }
    }

    private void check(Promotion p) {
        if (p.id() == null || !ID.matcher(p.id()).matches()) {
            error("id", "must be a slug of lower-case letters, digits, '-' and '_' (at most 64), e.g. \"bf-shoes-20\"");
        }
        if (p.name() == null || p.name().isBlank()) error("name", "is required: shoppers see it in applied[].name");
        else FieldLimits.text("name", p.name(), FieldLimits.NAME, errors);
        FieldLimits.text("campaign", p.campaign(), FieldLimits.LABEL, errors);
        if (p.reward() == null) error("reward", "is required");
        else reward(p.reward());
        if (p.conditions() != null) conditions(p.conditions());
        if (p.schedule() != null) schedule(p.schedule());
        if (p.limits() != null) limits(p.limits());
        if (p.holdout() != null) holdout(p.holdout(), p.trigger());
    }

    /** At most half the shoppers: a control group larger than the treatment measures little and costs a lot. */
    private void holdout(Promotion.Holdout h, Promotion.Trigger trigger) {
        if (trigger == Promotion.Trigger.CODE) {
            error("holdout", "applies to automatic promotions only: to measure a code campaign, keep a control group out of"
                    + " those it sends the code to");
            return;
        }
        BigDecimal percent = h.percent();
        if (percent == null) error("holdout.percent", "is required: the share of shoppers held out, e.g. 10");
        else if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(50)) > 0 || FieldLimits.decimals(percent) > 2) {
            error("holdout.percent", "must be above 0 and at most 50, with at most 2 decimals, e.g. 10 or 2.5");
        }
    }

    private void reward(RewardDefinition r) {
        if (r.type() == null) {
            error("reward.type", "is required: one of PERCENT_OFF, AMOUNT_OFF, FIXED_PRICE, FREE_SHIPPING, BUY_X_GET_Y, TIERED, FREE_GIFT");
            return;
        }
        Target target = r.target() == null ? Target.ITEMS : r.target();
        switch (r.type()) {
            case PERCENT_OFF -> percent("reward.value", r.value(), true);
            case AMOUNT_OFF -> positive("reward.value", r.value(), true);
            case FIXED_PRICE -> {
                notNegative("reward.value", r.value(), true);
                if (target != Target.ITEMS) error("reward.target", "must be ITEMS for FIXED_PRICE");
                quantity("reward.bundleQuantity", r.bundleQuantity());
            }
            case FREE_SHIPPING -> {
                if (r.value() != null) percent("reward.value", r.value(), false);
                if (r.target() != null && r.target() != Target.SHIPPING) error("reward.target", "must be SHIPPING (or absent) for FREE_SHIPPING");
            }
            case BUY_X_GET_Y -> buyGet(r);
            case TIERED -> tiers(r, target);
            case FREE_GIFT -> {
                if (r.gift() == null || r.gift().sku() == null || r.gift().sku().isBlank()) error("reward.gift.sku", "is required");
                else FieldLimits.text("reward.gift.sku", r.gift().sku(), FieldLimits.ID, errors);
                if (r.gift() != null) quantity("reward.gift.quantity", r.gift().quantity());
            }
        }
        selector("reward.items", r.items());
        quantity("reward.maxQuantity", r.maxQuantity());
        positive("reward.maxAmount", r.maxAmount(), false);
        if (r.target() == Target.SHIPPING && (r.type() == Promotion.RewardType.FIXED_PRICE || r.type() == Promotion.RewardType.BUY_X_GET_Y
                || r.type() == Promotion.RewardType.FREE_GIFT)) {
            error("reward.target", r.type() + " cannot target SHIPPING");
        }
    }

    private void buyGet(RewardDefinition r) {
        if (r.buy() == null || r.buy().quantity() == null || r.buy().quantity() < 1) error("reward.buy.quantity", "is required and must be ≥ 1");
        else quantity("reward.buy.quantity", r.buy().quantity());
        if (r.buy() != null) selector("reward.buy.selector", r.buy().selector());
        if (r.get() != null) selector("reward.get.selector", r.get().selector());
        if (r.get() == null || r.get().quantity() == null || r.get().quantity() < 1) {
            error("reward.get.quantity", "is required and must be ≥ 1");
        } else {
            quantity("reward.get.quantity", r.get().quantity());
            if (r.get().percentOff() != null && r.get().amountOff() != null) error("reward.get", "give either percentOff or amountOff, not both");
            if (r.get().percentOff() != null) percent("reward.get.percentOff", r.get().percentOff(), true);
            positive("reward.get.amountOff", r.get().amountOff(), false);
        }
        quantity("reward.maxApplications", r.maxApplications());
    }

    private void tiers(RewardDefinition r, Target target) {
        if (r.basis() == null) error("reward.basis", "is required for TIERED: SUBTOTAL, QUANTITY or LINE_QUANTITY");
        if (r.tiers() == null || r.tiers().isEmpty()) {
            error("reward.tiers", "needs at least one tier, e.g. [{\"min\": 100, \"value\": 10}]");
            return;
        }
        if (target == Target.SHIPPING && r.basis() == Reward.TierBasis.LINE_QUANTITY) error("reward.target", "LINE_QUANTITY tiers cannot target SHIPPING");
        Set<BigDecimal> mins = new HashSet<>();
        for (int i = 0; i < r.tiers().size(); i++) {
            Promotion.TierDefinition tier = r.tiers().get(i);
            String at = "reward.tiers[" + i + "]";
            if (tier == null) {
                error(at, "must be an object with min and value");
                continue;
            }
            notNegative(at + ".min", tier.min(), true);
            if (tier.min() != null && !mins.add(tier.min().stripTrailingZeros())) error(at + ".min", "is the same as another tier's");
            if (r.valueType() == Reward.ValueType.AMOUNT) positive(at + ".value", tier.value(), true);
            else percent(at + ".value", tier.value(), true);
        }
    }

    private void conditions(Promotion.Conditions c) {
        notNegative("conditions.minSubtotal", c.minSubtotal(), false);
        quantity("conditions.minQuantity", c.minQuantity());
        if (c.requiresItems() != null) {
            quantity("conditions.requiresItems.minQuantity", c.requiresItems().minQuantity());
            selector("conditions.requiresItems.selector", c.requiresItems().selector());
        }
        notNegative("conditions.minLifetimeSpend", c.minLifetimeSpend(), false);
        if (c.birthdayWithinDays() != null && (c.birthdayWithinDays() < 0 || c.birthdayWithinDays() > 365)) {
            error("conditions.birthdayWithinDays", "must be between 0 (the birthday itself) and 365 days");
        }
        FieldLimits.texts("conditions.customerSegments", c.customerSegments(), MAX_SELECTOR_VALUES, FieldLimits.LABEL, errors);
        FieldLimits.texts("conditions.channels", c.channels(), MAX_SELECTOR_VALUES, FieldLimits.LABEL, errors);
        if (c.countries() != null && c.countries().size() > MAX_SELECTOR_VALUES) {
            error("conditions.countries", "has " + c.countries().size() + " values; send at most " + MAX_SELECTOR_VALUES);
        } else if (c.countries() != null) {
            for (int i = 0; i < c.countries().size(); i++) {
                String country = c.countries().get(i);
                if (country == null || !COUNTRY.matcher(country).matches()) error("conditions.countries[" + i + "]", "must be an ISO 3166 code like \"US\"");
            }
        }
    }

    private void schedule(Promotion.Schedule s) {
        if (s.timeZone() != null) {
            try {
                ZoneId.of(s.timeZone());
            } catch (DateTimeException e) {
                error("schedule.timeZone", "'" + FieldLimits.excerpt(s.timeZone()) + "' is not an IANA time zone; use one like \"America/New_York\"");
            }
        } else if ((s.daysOfWeek() != null && !s.daysOfWeek().isEmpty()) || s.hours() != null) {
            error("schedule.timeZone", "is required with daysOfWeek or hours, so they are read on the right clock");
        }
        if (s.startsAt() != null && s.endsAt() != null && !s.endsAt().isAfter(s.startsAt())) error("schedule.endsAt", "must be after startsAt");
        if (s.hours() != null) {
            if (s.hours().from() == null) error("schedule.hours.from", "is required, e.g. \"18:00\"");
            if (s.hours().to() == null) error("schedule.hours.to", "is required, e.g. \"21:00\"");
            if (s.hours().from() != null && s.hours().from().equals(s.hours().to())) error("schedule.hours.to", "must differ from hours.from");
        }
    }

    private void limits(Promotion.Limits l) {
        atLeastOne("limits.totalUses", l.totalUses());
        atLeastOne("limits.perCustomer", l.perCustomer());
        atLeastOne("limits.perDay", l.perDay());
        atLeastOne("limits.perIp", l.perIp());
        atLeastOne("limits.perDevice", l.perDevice());
        atLeastOne("limits.perAddress", l.perAddress());
        positive("limits.budget", l.budget(), false);
    }

    private void selector(String path, Promotion.Selector s) {
        if (s == null) return;
        List<List<String>> lists = List.of(nullToEmpty(s.skus()), nullToEmpty(s.productIds()), nullToEmpty(s.categories()),
                nullToEmpty(s.brands()), nullToEmpty(s.tags()), nullToEmpty(s.excludeSkus()), nullToEmpty(s.excludeCategories()),
                nullToEmpty(s.excludeBrands()), nullToEmpty(s.excludeTags()));
        List<String> names = List.of("skus", "productIds", "categories", "brands", "tags", "excludeSkus", "excludeCategories",
                "excludeBrands", "excludeTags");
        for (int i = 0; i < lists.size(); i++) {
            FieldLimits.texts(path + "." + names.get(i), lists.get(i), MAX_SELECTOR_VALUES, FieldLimits.ID, errors);
        }
    }

    private static List<String> nullToEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private void quantity(String path, Integer value) {
        if (value != null && (value < 1 || value > MAX_QUANTITY)) error(path, "must be between 1 and " + MAX_QUANTITY);
    }

    private void atLeastOne(String path, Integer value) {
        if (value != null && value < 1) error(path, "must be ≥ 1 (leave it out for no limit)");
    }

    private void percent(String path, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) error(path, "is required: a percentage between 0 and 100");
        } else if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0) {
            error(path, "must be a percentage above 0 and at most 100");
        }
    }

    private void positive(String path, BigDecimal value, boolean required) {
        if (value != null && value.signum() == 0) error(path, "must be above 0");
        else notNegative(path, value, required);
    }

    private void notNegative(String path, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) error(path, "is required");
            return;
        }
        String problem = FieldLimits.moneyProblem(value, FieldLimits.MAX_PROMOTION_AMOUNT, FieldLimits.LEDGER_DECIMALS, "a promotion");
        if (problem != null) error(path, problem);
    }

    private void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }
}
