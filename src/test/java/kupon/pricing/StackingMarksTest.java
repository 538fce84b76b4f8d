package kupon.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A stacking mark hides exactly what remembering every offer and asking {@link Offer#canCombineWith} would hide. */
class StackingMarksTest {

    @Test
    void everyPairOfKindsIsBlockedExactlyWhenTheOffersDoNotCombine() {
        List<Offer> kinds = everyKind();
        assertThat(kinds).hasSize(24);
        for (Offer earlier : kinds) {
            for (Offer later : kinds) {
                boolean hidden = (StackingMarks.of(earlier) & StackingMarks.notCombiningWith(later)) != 0;
                assertThat(hidden).as("%s then %s", describe(earlier), describe(later))
                        .isEqualTo(!earlier.canCombineWith(later));
            }
        }
    }

    @Test
    void everyKindHasItsOwnBit() {
        assertThat(everyKind().stream().map(StackingMarks::of).distinct()).hasSize(24);
    }

    private static List<Offer> everyKind() {
        List<Reward> rewards = List.of(Rewards.percentOff("10"), Rewards.percentOff("10", Target.ORDER),
                new Reward.FreeShipping(null));
        List<Offer> offers = new ArrayList<>();
        for (Reward reward : rewards) {
            for (int bits = 0; bits < 8; bits++) {
                offers.add(new Offer("p", "p", null, 0, false, false,
                        new Offer.Combination((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0),
                        Conditions.NONE, reward, null, null));
            }
        }
        return offers;
    }

    private static String describe(Offer offer) {
        return offer.rewardClass() + " " + offer.combinesWith();
    }
}
