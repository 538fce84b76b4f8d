package kupon.rules.api;

import kupon.pricing.Conditions;
import kupon.pricing.LineSelector;
import kupon.pricing.Offer;
import kupon.pricing.Reward;
import kupon.promotions.Promotion;
import kupon.rules.model.Line;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the action API turns into an offer, and the authoring mistakes it reports. */
class PromotionOfferTest {

    private final Actions actions = new Actions();

    @Test
    void itemsNamedInSeveralWaysMustAllMatch() {
        Offer offer = actions.promotion("p").percentOffItems(10)
                .onItems(Items.categories("shoes").excludeOnSale()).onBrands("acme").onLine(line("l1")).toOffer();

        assertThat(((Reward.PercentOff) offer.reward()).items()).isEqualTo(new LineSelector(null, null,
                Set.of("shoes"), Set.of("acme"), null, null, null, null, null, true, Set.of("l1")));
    }

    @Test
    void theSameItemsNamedAgainByARuleFiringPerLineAreNoMistake() {
        actions.promotion("p").percentOffItems(10).onItems(Items.categories("shoes"));
        actions.promotion("p").percentOffItems(10).onItems(Items.categories("shoes"));

        assertThat(actions.promotion("p").toOffer()).isNotNull();
        assertThat(actions.problems()).isEmpty();
    }

    @Test
    void differentItemsForOnePromotionAreReportedAndTheFirstAreKept() {
        Offer offer = actions.promotion("p").percentOffItems(10).onItems(Items.categories("shoes"))
                .onItems(Items.categories("socks")).toOffer();

        assertThat(((Reward.PercentOff) offer.reward()).items()).isEqualTo(LineSelector.categories("shoes"));
        assertThat(actions.problems()).containsExactly("Promotion 'p' was given two item selections, "
                + "Items[categories=[shoes]] and Items[categories=[socks]]; the first is kept.");
    }

    @Test
    void requiredItemsBecomeAConditionNotATarget() {
        Offer offer = actions.promotion("p").requiresItems(Items.categories("shoes"), 2).amountOffOrder("10.00").toOffer();

        assertThat(offer.conditions().requiresItems())
                .isEqualTo(new Conditions.ItemRequirement(LineSelector.categories("shoes"), 2));
        assertThat(((Reward.AmountOff) offer.reward()).items()).isEqualTo(LineSelector.ALL);
    }

    @Test
    void aSecondDifferentRequirementIsReported() {
        actions.promotion("p").requiresItems(Items.categories("shoes"), 1).requiresItems(Items.categories("shoes"), 2)
                .freeShipping();

        assertThat(actions.promotion("p").toOffer().conditions().requiresItems().minQuantity()).isEqualTo(1);
        assertThat(actions.problems()).singleElement().asString().startsWith("Promotion 'p' was given two item requirements");
        assertThatThrownBy(() -> actions.promotion("q").requiresItems(Items.all(), 0))
                .hasMessage("requiresItems needs a minQuantity of at least 1, was 0");
    }

    @Test
    void itemsGivenToARewardThatDoesNotDiscountChosenItemsAreReportedAsIgnored() {
        Offer offer = actions.promotion("p").freeShipping().onLine(line("l1")).toOffer();

        assertThat(offer.reward()).isEqualTo(new Reward.FreeShipping(null));
        assertThat(actions.problems()).containsExactly("Promotion 'p' names items, but freeShipping() does not discount "
                + "chosen items, so they are ignored; to make items a condition, use requiresItems(..).");
    }

    @Test
    void aBuyXGetYDealAndTiersBecomeTheirRewards() {
        BuyGet deal = BuyGet.buy(Items.skus("A"), 2).get(1);
        Tiers tiers = Tiers.bySubtotal().amount().tier("50.00", "5.00");

        assertThat(actions.promotion("b").buyXGetY(deal).toOffer().reward()).isEqualTo(deal.toReward());
        assertThat(actions.promotion("t").tiered(tiers).onItems(Items.skus("A")).toOffer().reward())
                .isEqualTo(tiers.toReward(LineSelector.skus("A")));
        assertThat(actions.problems()).isEmpty();
    }

    @Test
    void aSecondDifferentDealForOnePromotionIsReported() {
        actions.promotion("b").buyXGetY(BuyGet.buy(2).get(1)).buyXGetY(BuyGet.buy(3).get(1));

        assertThat(actions.problems()).singleElement().asString().startsWith("Promotion 'b' was given two rewards");
    }

    @Test
    void percentOffEachItemWithoutALimitDiscountsEveryUnit() {
        Offer offer = actions.promotion("p").percentOffEachItem(10).toOffer();

        assertThat(offer.reward()).isEqualTo(new Reward.PercentOff(BigDecimal.TEN, kupon.pricing.Target.ITEMS,
                LineSelector.ALL, Reward.Allocation.EACH, null));
    }

    @Test
    void anImpossibleValueFailsInTheRuleThatGivesIt() {
        assertThatThrownBy(() -> actions.promotion("p").percentOffItems(150))
                .hasMessage("percent must be between 0 and 100, was 150");
        assertThatThrownBy(() -> actions.promotion("q").tiered(Tiers.bySubtotal().percent()))
                .hasMessage("Tiers need at least one .tier(min, value)");
    }

    @Test
    void limitsAreThoseOfAJsonPromotion() {
        PromotionOffer offer = actions.promotion("p").totalUses(1000).perCustomer(1).perDay(500).timeZone("Europe/Paris")
                .perIp(3).budget("5000.00").amountOffOrder("5.00");

        assertThat(offer.getLimits()).isEqualTo(new Promotion.Limits(1000, 1, 500, 3, new BigDecimal("5000.00")));
        assertThat(offer.getTimeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(actions.promotion("q").amountOffOrder("5.00").getLimits()).isNull();
        assertThat(actions.promotion("q").getTimeZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aRuleFiringPerLineMayRepeatALimitButADifferentOneIsReported() {
        actions.promotion("p").totalUses(5).budget("100.00").timeZone("Europe/Paris");
        actions.promotion("p").totalUses(5).budget(100).timeZone("Europe/Paris");
        assertThat(actions.problems()).isEmpty();

        actions.promotion("p").totalUses(6).budget("50.00").timeZone("America/New_York");
        assertThat(actions.promotion("p").getLimits()).isEqualTo(new Promotion.Limits(5, null, null, null, new BigDecimal("100.00")));
        assertThat(actions.problems()).containsExactly(
                "Promotion 'p' was given two limits totalUses, 5 and 6; the first is kept.",
                "Promotion 'p' was given two budgets, 100.00 and 50.00; the first is kept.",
                "Promotion 'p' was given two time zones, Europe/Paris and America/New_York; the first is kept.");
    }

    @Test
    void anImpossibleLimitFailsInTheRuleThatGivesIt() {
        assertThatThrownBy(() -> actions.promotion("p").totalUses(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("totalUses must be at least 1, was 0 (leave it out for no limit)");
        assertThatThrownBy(() -> actions.promotion("p").perCustomer(-1))
                .hasMessage("perCustomer must be at least 1, was -1 (leave it out for no limit)");
        assertThatThrownBy(() -> actions.promotion("p").budget("0.00"))
                .hasMessage("budget must be above 0, was 0.00 (leave it out for no budget)");
        assertThatThrownBy(() -> actions.promotion("p").budget("lots"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> actions.promotion("p").timeZone("Paris"))
                .hasMessage("timeZone 'Paris' is not a time zone; use an IANA name like \"Europe/Paris\"");
    }

    private static Line line(String id) {
        return new Line(id, id, id, id, List.of(), null, List.of(), 1, BigDecimal.TEN, false, true);
    }
}
