package kupon.rules.api;

import kupon.pricing.Conditions;
import kupon.pricing.LineSelector;
import kupon.pricing.Offer;
import kupon.pricing.Reward;
import kupon.rules.model.Line;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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

    private static Line line(String id) {
        return new Line(id, id, id, id, List.of(), null, List.of(), 1, BigDecimal.TEN, false, true);
    }
}
