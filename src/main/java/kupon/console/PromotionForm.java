package kupon.console;

import kupon.console.FormField.Kind;

import java.util.ArrayList;
import java.util.List;

/** The promotion form: every field of a promotion in API.md, in sections a marketer reads top to bottom. */
final class PromotionForm {

    /** A titled group of inputs. */
    record Section(String title, String help, List<FormField> fields) {
    }

    static final List<String> REWARD_TYPES = List.of("PERCENT_OFF", "AMOUNT_OFF", "FIXED_PRICE", "FREE_SHIPPING", "BUY_X_GET_Y",
            "TIERED", "FREE_GIFT");

    static final List<Section> SECTIONS = List.of(
            new Section("Promotion", null, List.of(
                    FormField.text("id", "Id", "Letters, digits, '-' and '_'; it cannot change later (clone to copy)"),
                    FormField.text("name", "Name", "What shoppers see on the cart"),
                    FormField.choice("status", "Status", List.of("ACTIVE", "INACTIVE", "ARCHIVED"), null),
                    FormField.choice("trigger", "Applies", List.of("AUTOMATIC", "CODE"), "AUTOMATIC whenever eligible, CODE only with one of its codes"),
                    FormField.text("campaign", "Campaign", "Groups promotions in analytics"),
                    FormField.of(Kind.INTEGER, "priority", "Priority", "Higher goes first; default 0"),
                    FormField.of(Kind.BOOLEAN, "exclusive", "Exclusive: no other promotion applies with it", null),
                    FormField.of(Kind.BOOLEAN, "stopFurther", "Stop further: promotions after it do not apply", null),
                    FormField.of(Kind.BOOLEAN, "combinesWith.items", "Combines with item discounts", null),
                    FormField.of(Kind.BOOLEAN, "combinesWith.order", "Combines with order discounts", null),
                    FormField.of(Kind.BOOLEAN, "combinesWith.shipping", "Combines with shipping discounts", null))),
            new Section("Reward", "Only the inputs for the chosen type are shown (all of them without JavaScript).", rewardFields()),
            new Section("Conditions", "All must hold; leave empty what does not matter.", conditionFields()),
            new Section("Schedule", "Date-times with their offset, e.g. 2026-11-27T00:00:00-05:00.", List.of(
                    FormField.of(Kind.DATETIME, "schedule.startsAt", "Starts at", null),
                    FormField.of(Kind.DATETIME, "schedule.endsAt", "Ends at", null),
                    FormField.text("schedule.timeZone", "Time zone", "For days, hours and per-day limits, e.g. America/New_York"),
                    new FormField("schedule.daysOfWeek", "Only on", Kind.CHOICES, List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                            "FRIDAY", "SATURDAY", "SUNDAY"), "None ticked: every day", null),
                    FormField.text("schedule.hours.from", "From (hh:mm)", null),
                    FormField.text("schedule.hours.to", "To (hh:mm)", null))),
            new Section("Limits", "Uses are counted when orders are placed, on every node.", List.of(
                    FormField.of(Kind.INTEGER, "limits.totalUses", "Total uses", null),
                    FormField.of(Kind.INTEGER, "limits.perCustomer", "Per customer", "By customer id, else normalized email"),
                    FormField.of(Kind.INTEGER, "limits.perDay", "Per day", null),
                    FormField.of(Kind.INTEGER, "limits.perIp", "Per IP address", null),
                    FormField.of(Kind.INTEGER, "limits.perDevice", "Per device", null),
                    FormField.of(Kind.INTEGER, "limits.perAddress", "Per household (shipping address)", null),
                    FormField.of(Kind.DECIMAL, "limits.budget", "Budget", "Total discount money over the promotion's life"))),
            new Section("Control group", "Hold some shoppers out to measure what the promotion adds.", List.of(
                    FormField.of(Kind.DECIMAL, "holdout.percent", "Held out (%)", "e.g. 10; shoppers are assigned by a stable hash"))));

    private PromotionForm() {
    }

    private static List<FormField> rewardFields() {
        List<FormField> fields = new ArrayList<>(List.of(
                FormField.choice("reward.type", "Type", REWARD_TYPES, null),
                FormField.of(Kind.DECIMAL, "reward.value", "Value", "Percent for PERCENT_OFF, money for AMOUNT_OFF, the price for FIXED_PRICE")
                        .in("PERCENT_OFF AMOUNT_OFF FIXED_PRICE FREE_SHIPPING"),
                FormField.choice("reward.target", "Discounts", List.of("ITEMS", "ORDER", "SHIPPING"), null).in("PERCENT_OFF AMOUNT_OFF TIERED"),
                FormField.choice("reward.allocation", "Allocation", List.of("ACROSS", "EACH"), "ACROSS: once, spread; EACH: off each unit")
                        .in("PERCENT_OFF AMOUNT_OFF"),
                FormField.of(Kind.INTEGER, "reward.maxQuantity", "At most units per line", null).in("PERCENT_OFF AMOUNT_OFF"),
                FormField.of(Kind.INTEGER, "reward.bundleQuantity", "Bundle of n units", "\"3 for 10.00\": 3").in("FIXED_PRICE"),
                FormField.of(Kind.DECIMAL, "reward.maxAmount", "At most per order", null)));
        fields.addAll(selector("reward.items", "Items discounted", "PERCENT_OFF AMOUNT_OFF FIXED_PRICE TIERED"));
        fields.add(FormField.of(Kind.INTEGER, "reward.buy.quantity", "Buy (units)", null).in("BUY_X_GET_Y"));
        fields.addAll(selector("reward.buy.selector", "Items bought", "BUY_X_GET_Y"));
        fields.addAll(List.of(
                FormField.of(Kind.INTEGER, "reward.get.quantity", "Get (units)", null).in("BUY_X_GET_Y"),
                FormField.of(Kind.DECIMAL, "reward.get.percentOff", "Get percent off", "100 for free").in("BUY_X_GET_Y"),
                FormField.of(Kind.DECIMAL, "reward.get.amountOff", "Or get amount off", null).in("BUY_X_GET_Y"),
                FormField.choice("reward.get.selection", "Which units are got", List.of("CHEAPEST", "MOST_EXPENSIVE"), null).in("BUY_X_GET_Y"),
                FormField.of(Kind.INTEGER, "reward.maxApplications", "At most times per order", null).in("BUY_X_GET_Y")));
        fields.addAll(selector("reward.get.selector", "Items got (empty: as bought)", "BUY_X_GET_Y"));
        fields.addAll(List.of(
                FormField.choice("reward.basis", "Tiers by", List.of("SUBTOTAL", "QUANTITY", "LINE_QUANTITY"), null).in("TIERED"),
                FormField.choice("reward.valueType", "Tier values are", List.of("PERCENT", "AMOUNT"), null).in("TIERED"),
                FormField.of(Kind.TIERS, "reward.tiers", "Tiers", "One per line, \"min: value\", e.g. \"100: 10\"").in("TIERED"),
                FormField.text("reward.gift.sku", "Gift SKU", null).in("FREE_GIFT"),
                FormField.of(Kind.INTEGER, "reward.gift.quantity", "Gift units", null).in("FREE_GIFT")));
        return fields;
    }

    private static List<FormField> conditionFields() {
        List<FormField> fields = new ArrayList<>(List.of(
                FormField.of(Kind.DECIMAL, "conditions.minSubtotal", "Subtotal at least", null),
                FormField.of(Kind.INTEGER, "conditions.minQuantity", "Units at least", null),
                FormField.of(Kind.INTEGER, "conditions.requiresItems.minQuantity", "Cart holds at least n units of", null)));
        fields.addAll(selector("conditions.requiresItems.selector", "Required items", null));
        fields.addAll(List.of(
                FormField.of(Kind.LIST, "conditions.customerSegments", "Customer segments", "Comma-separated"),
                FormField.of(Kind.BOOLEAN, "conditions.firstOrderOnly", "First order only", null),
                FormField.of(Kind.LIST, "conditions.channels", "Channels", "e.g. web, app"),
                FormField.of(Kind.LIST, "conditions.countries", "Countries", "ISO codes, e.g. US, CA"),
                FormField.of(Kind.DECIMAL, "conditions.minLifetimeSpend", "Lifetime spend at least", "Placed orders, in the cart's currency"),
                FormField.of(Kind.INTEGER, "conditions.birthdayWithinDays", "Birthday within days", "0: on the birthday")));
        return fields;
    }

    /** The inputs of a selector at {@code path}: any listed value of every listed field, minus the exclusions. */
    private static List<FormField> selector(String path, String title, String group) {
        List<FormField> fields = new ArrayList<>();
        for (String[] f : new String[][] {{"skus", "SKUs"}, {"productIds", "Product ids"}, {"categories", "Categories"},
                {"brands", "Brands"}, {"tags", "Tags"}, {"excludeSkus", "Except SKUs"}, {"excludeCategories", "Except categories"},
                {"excludeBrands", "Except brands"}, {"excludeTags", "Except tags"}}) {
            fields.add(new FormField(path + "." + f[0], title + ": " + f[1], Kind.LIST, List.of(), null, group));
        }
        fields.add(new FormField(path + ".excludeOnSale", title + ": not items on sale", Kind.BOOLEAN, List.of(), null, group));
        return fields;
    }
}
