package kupon.rules.api;

import kupon.support.CartBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.rules.api.RuleHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

/** Buy-x-get-y promotions written in DRL, as in docs/rules.md "Buy X get Y". */
@DisplayName("BUY_X_GET_Y in DRL")
class BuyXGetYRulesTest {

    @Nested
    @DisplayName("the same items")
    class SameItems {

        static final String SOCKS_B2G1 = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "socks-b2g1: buy 2 pairs of socks, get the cheapest third free"
                when
                    exists Line( inCategory("socks") )
                then
                    actions.promotion("socks-b2g1").name("Socks: buy 2, get 1 free")
                           .buyXGetY(BuyGet.buy(Items.categories("socks"), 2).get(1).free().cheapest());
                end
                """;

        @Test
        void buyTwoPairsOfSocksAndTheCheapestThirdPairIsFree() {
            RuleHarness.Evaluated evaluated = evaluate(SOCKS_B2G1, cart()
                    .line(line("sock-red").price("6.00").categories("socks"))
                    .line(line("sock-blue").price("5.00").categories("socks"))
                    .line(line("sock-grey").price("4.00").categories("socks"))
                    .line(line("tee").price("3.00").categories("tees")));

            assertThat(evaluated.rulesFired()).containsExactly("socks-b2g1: buy 2 pairs of socks, get the cheapest third free");
            assertThat(evaluated.lineDiscounts()).containsExactly("0.00", "0.00", "4.00", "0.00");
        }

        @Test
        void twoPairsOfSocksAreNotEnough() {
            RuleHarness.Evaluated evaluated = evaluate(SOCKS_B2G1, cart()
                    .line(line("sock-red").quantity(2).price("6.00").categories("socks")));

            assertThat(evaluated.rulesFired()).hasSize(1);
            assertThat(evaluated.notApplied()).containsExactly("socks-b2g1:NO_ELIGIBLE_ITEMS");
        }

        static final String SOCKS_B2G1_ONCE = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "socks-b2g1-once: buy 2 pairs of socks, get a third free, once per order"
                when
                    exists Line( inCategory("socks") )
                then
                    actions.promotion("socks-b2g1-once").name("Socks: buy 2, get 1 free (once)")
                           .buyXGetY(BuyGet.buy(Items.categories("socks"), 2).get(1).maxApplications(1));
                end
                """;

        @Test
        void sixPairsOfSocksGetOnlyOnePairFreeWhenTheDealRepeatsOnce() {
            RuleHarness.Evaluated evaluated = evaluate(SOCKS_B2G1_ONCE, cart()
                    .line(line("sock-red").quantity(6).price("4.00").categories("socks")));

            assertThat(evaluated.applied()).containsExactly("socks-b2g1-once=4.00");
        }

        static final String TEES_HALF_DEAREST = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "tees-b2-half: buy 2 tees, the dearest third is half price"
                when
                    exists Line( inCategory("tees") )
                then
                    actions.promotion("tees-b2-half").name("Buy 2 tees, get the third half price")
                           .buyXGetY(BuyGet.buy(Items.categories("tees"), 2).get(1).percentOff(50).mostExpensive());
                end
                """;

        @Test
        void buyTwoTeesAndTheDearestOfThreeIsHalfPrice() {
            RuleHarness.Evaluated evaluated = evaluate(TEES_HALF_DEAREST, cart()
                    .line(line("tee-basic").price("10.00").categories("tees"))
                    .line(line("tee-print").price("20.00").categories("tees"))
                    .line(line("tee-silk").price("30.00").categories("tees")));

            assertThat(evaluated.lineDiscounts()).containsExactly("0.00", "0.00", "15.00");
        }
    }

    @Nested
    @DisplayName("other items to get")
    class OtherItems {

        static final String SHOES_SOCKS_5 = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "shoes-socks-5: buy shoes, get 5.00 off up to two pairs of socks"
                when
                    exists Line( inCategory("shoes") )
                then
                    actions.promotion("shoes-socks-5").name("5.00 off socks with your shoes")
                           .buyXGetY(BuyGet.buy(Items.categories("shoes"), 1)
                                           .get(Items.categories("socks"), 2).amountOff("5.00"));
                end
                """;

        @Test
        void buyingShoesTakesFiveOffEachOfTwoPairsOfSocksButNeverMoreThanAPairCosts() {
            RuleHarness.Evaluated evaluated = evaluate(SHOES_SOCKS_5, cart()
                    .line(line("runner").price("80.00").categories("shoes"))
                    .line(line("sock-cotton").price("4.00").categories("socks"))
                    .line(line("sock-wool").price("6.00").categories("socks")));

            assertThat(evaluated.rulesFired()).containsExactly("shoes-socks-5: buy shoes, get 5.00 off up to two pairs of socks");
            assertThat(evaluated.lineDiscounts()).containsExactly("0.00", "4.00", "5.00");
            assertThat(evaluated.applied()).containsExactly("shoes-socks-5=9.00");
        }

        @Test
        void socksWithoutShoesGetNothing() {
            RuleHarness.Evaluated evaluated = evaluate(SHOES_SOCKS_5, cart()
                    .line(line("sock-wool").quantity(2).price("6.00").categories("socks")));

            assertThat(evaluated.rulesFired()).isEmpty();
            assertThat(evaluated.discountTotal()).isEqualTo("0.00");
        }
    }
}
