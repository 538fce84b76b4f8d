package kupon.rules.api;

import kupon.rules.RuleSetCompiler;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md is the rule authors' guide: its examples must compile and be the ones the tests run. */
class RulesGuideTest {

    private static final Path GUIDE = Path.of("docs/rules.md");
    private static final Pattern DRL_BLOCK = Pattern.compile("```drl\n(.*?)```", Pattern.DOTALL);
    private static final String HEADER = """
            package kupon.rules.guide;

            import kupon.rules.model.*;
            import kupon.rules.api.*;
            global kupon.rules.api.Actions actions;

            """;

    @Test
    void everyExampleInTheGuideCompiles() throws IOException {
        List<String> blocks = drlBlocks();
        assertThat(blocks).hasSizeGreaterThan(25);
        RuleSetCompiler compiler = new RuleSetCompiler();
        for (int i = 0; i < blocks.size(); i++) {
            String block = blocks.get(i);
            String drl = block.startsWith("package ") ? block : HEADER + block;
            RuleSetCompiler.Outcome outcome = compiler.compile(List.of(
                    RuleSource.of("guide-" + i + ".drl", RuleSourceKind.DRL, drl.getBytes(StandardCharsets.UTF_8))));
            assertThat(outcome).as("example %d of docs/rules.md:%n%s%n%s", i + 1, block, outcome)
                    .isInstanceOf(RuleSetCompiler.Outcome.Compiled.class);
        }
    }

    @Test
    void everyWorkedExampleTheTestsRunIsShownInTheGuideWordForWord() throws IOException {
        List<String> blocks = drlBlocks();
        List<String> examples = List.of(
                PercentOffRulesTest.OnItems.SHOES_10, PercentOffRulesTest.OnItems.ACME_SHOES_20,
                PercentOffRulesTest.Each.HALF_OFF_ONE_TEE, PercentOffRulesTest.OnOrder.ORDER_10,
                PercentOffRulesTest.OnOrder.BOOKS_ORDER_15,
                AmountOffRulesTest.Across.KITCHEN_20, AmountOffRulesTest.Each.MUGS_2, AmountOffRulesTest.Each.MUGS_2_MAX_2,
                AmountOffRulesTest.Each.EVERY_ITEM_1_AS_ORDER, AmountOffRulesTest.OnOrder.SPEND_50_SAVE_5,
                AmountOffRulesTest.OnOrder.BOOKS_5_TWO_RULES,
                ShippingRulesTest.Free.GOLD_FREE_SHIPPING, ShippingRulesTest.Part.HALF_SHIPPING,
                FixedPriceRulesTest.EachUnit.TEES_9_99, FixedPriceRulesTest.Bundles.MUGS_3_FOR_10,
                BuyXGetYRulesTest.SameItems.SOCKS_B2G1, BuyXGetYRulesTest.SameItems.SOCKS_B2G1_ONCE,
                BuyXGetYRulesTest.SameItems.TEES_HALF_DEAREST, BuyXGetYRulesTest.OtherItems.SHOES_SOCKS_5,
                TieredRulesTest.BySubtotal.SPEND_MORE, TieredRulesTest.ByQuantity.STOCK_UP,
                TieredRulesTest.ByLineQuantity.MULTIPACK,
                FreeGiftRulesTest.TOTE_OVER_75,
                ConditionsRulesTest.RequiresItems.SHOES_ORDER_10, ConditionsRulesTest.RequiresItems.PLANTS_POTS_15,
                ConditionsRulesTest.MinQuantityAndCap.BULK_20_CAPPED,
                StackingRulesTest.Exclusive.WELCOME_AND_SHOES, StackingRulesTest.StopFurther.VIP_FIRST,
                StackingRulesTest.CombinesWith.CLEARANCE_NOT_WITH_ORDER,
                kupon.orders.RuleFileLimitsTest.BF_MUGS);

        for (String example : examples) {
            assertThat(blocks).as("docs/rules.md shows this example word for word").contains(example);
        }
    }

    private static List<String> drlBlocks() throws IOException {
        Matcher matcher = DRL_BLOCK.matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }
}
