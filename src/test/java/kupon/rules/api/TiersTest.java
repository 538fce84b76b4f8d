package kupon.rules.api;

import kupon.pricing.LineSelector;
import kupon.pricing.Reward;
import kupon.pricing.Reward.TierBasis;
import kupon.pricing.Reward.ValueType;
import kupon.pricing.Target;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tiers builder and the reward it becomes. */
class TiersTest {

    @Test
    void subtotalTiersInAnyOrderBecomeSortedTiersOnTheItems() {
        Reward.Tiered reward = Tiers.bySubtotal().percent().tier("200.00", 15).tier("100.00", 10)
                .toReward(LineSelector.categories("shoes"));

        assertThat(reward).isEqualTo(new Reward.Tiered(TierBasis.SUBTOTAL,
                List.of(tier("100.00", "10"), tier("200.00", "15")), ValueType.PERCENT, Target.ITEMS,
                LineSelector.categories("shoes")));
    }

    @Test
    void quantityTiersCanGiveAnAmountOffTheOrderOrTheShipping() {
        Tiers tiers = Tiers.byQuantity().amount().tier(3, "5.00");

        assertThat(tiers.onOrder().toReward(LineSelector.ALL).target()).isEqualTo(Target.ORDER);
        assertThat(tiers.onShipping().toReward(LineSelector.ALL).target()).isEqualTo(Target.SHIPPING);
        assertThat(tiers.onShipping().onItems().toReward(LineSelector.ALL).target()).isEqualTo(Target.ITEMS);
        assertThat(tiers.toReward(LineSelector.ALL).basis()).isEqualTo(TierBasis.QUANTITY);
        assertThat(tiers.toReward(LineSelector.ALL).valueType()).isEqualTo(ValueType.AMOUNT);
    }

    @Test
    void addingATierLeavesTheOriginalTiersUnchanged() {
        Tiers one = Tiers.byLineQuantity().percent().tier(2, 5);
        Tiers two = one.tier(4, 10);

        assertThat(one).hasToString("tiers by line quantity, percent [2: 5] off items");
        assertThat(two).hasToString("tiers by line quantity, percent [2: 5, 4: 10] off items");
        assertThat(two).isEqualTo(Tiers.byLineQuantity().percent().tier(4, 10).tier(2, 5));
    }

    @Test
    void mistakesInTiersAreRefusedWhereTheyAreWritten() {
        assertThatThrownBy(() -> Tiers.bySubtotal().percent().tier("100.00", 110))
                .hasMessage("A percent tier's value must be at most 100, was 110");
        assertThatThrownBy(() -> Tiers.byQuantity().amount().tier("2.5", "1.00"))
                .hasMessage("Tiers by quantity count whole units; min 2.5 is not a whole number");
        assertThatThrownBy(() -> Tiers.bySubtotal().amount().tier("50", "5").tier("50.00", "6"))
                .hasMessage("Two tiers start at 50.00; give each minimum once");
        assertThatThrownBy(() -> Tiers.byLineQuantity().percent().tier(2, 5).onShipping())
                .hasMessage("Tiers by line quantity discount lines, not shipping");
        assertThatThrownBy(() -> Tiers.bySubtotal().percent().toReward(LineSelector.ALL))
                .hasMessage("Tiers need at least one .tier(min, value)");
    }

    private static Reward.Tier tier(String min, String value) {
        return new Reward.Tier(new BigDecimal(min), new BigDecimal(value));
    }
}
