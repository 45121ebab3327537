package city.gridwhistle.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fair share: segments ÷ live instances, rounded up; an instance gives away only what it holds beyond it. */
class SegmentBalancerTest {

    @Test
    void aLoneInstanceKeepsEverySegment() {
        assertThat(SegmentBalancer.surplus(4, 4, 1)).isZero();
    }

    @Test
    void theFirstOfTwoInstancesGivesHalfOfFourSegmentsAway() {
        assertThat(SegmentBalancer.surplus(4, 4, 2)).isEqualTo(2);
    }

    @Test
    void anUnevenSplitRoundsTheShareUpSoNoSegmentIsLeftUnclaimed() {
        // 4 segments, 3 instances: shares of 2, 1, 1 — the holder of all four keeps two
        assertThat(SegmentBalancer.surplus(4, 4, 3)).isEqualTo(2);
        assertThat(SegmentBalancer.surplus(2, 4, 3)).isZero();
    }

    @Test
    void aSingleSegmentProcessorStaysWhereItRuns() {
        assertThat(SegmentBalancer.surplus(1, 1, 5)).isZero();
    }

    @Test
    void anInstanceWithinItsShareGivesNothingAway() {
        assertThat(SegmentBalancer.surplus(1, 4, 2)).isZero();
        assertThat(SegmentBalancer.surplus(0, 4, 2)).isZero();
    }

    @Test
    void moreInstancesThanSegmentsLeaveOneEach() {
        assertThat(SegmentBalancer.surplus(2, 2, 4)).isEqualTo(1);
    }
}
