package io.petrel.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a subscriber's record of one publisher's sequence tells loss, duplicates and late arrivals apart. */
class StreamTrackerTest {
    private static StreamTracker received(long... sequence) {
        StreamTracker tracker = new StreamTracker();
        for (long s : sequence) {
            tracker.record(s);
        }
        return tracker;
    }

    @Test
    void anUnbrokenSequenceHasNoDuplicatesAndNothingLate() {
        StreamTracker tracker = received(0, 1, 2, 3);

        assertThat(tracker.unique()).isEqualTo(4);
        assertThat(tracker.duplicates()).isZero();
        assertThat(tracker.reordered()).isZero();
        assertThat(tracker.span()).isEqualTo(4);
    }

    @Test
    void aMessageThatArrivesAfterALaterOneIsReorderedNotLost() {
        StreamTracker tracker = received(0, 2, 1, 3);

        assertThat(tracker.unique()).isEqualTo(4);
        assertThat(tracker.reordered()).isEqualTo(1);
        assertThat(tracker.duplicates()).isZero();
    }

    @Test
    void aMessageSeenTwiceIsADuplicateWhetherLateOrNot() {
        StreamTracker tracker = received(0, 1, 1, 2, 0);

        assertThat(tracker.unique()).isEqualTo(3);
        assertThat(tracker.duplicates()).isEqualTo(2);
        assertThat(tracker.reordered()).isZero();
    }

    @Test
    void aGapIsWhatIsMissingFromTheSpan() {
        StreamTracker tracker = received(0, 1, 5, 6);

        assertThat(tracker.span() - tracker.unique()).isEqualTo(3);
    }

    @Test
    void theWindowForgetsOldSequencesButAGapLongerThanItLeavesNoStaleMarks() {
        long far = StreamTracker.WINDOW + 10;
        StreamTracker tracker = received(0, 1, far, far - StreamTracker.WINDOW + 1, far + StreamTracker.WINDOW);

        // far - WINDOW + 1 shares its slot with 1, which must not make it look like a duplicate.
        assertThat(tracker.duplicates()).isZero();
        assertThat(tracker.unique()).isEqualTo(5);
    }

    @Test
    void aStreamBookCountsWhatItsSubscriberNeverSawAsLost() {
        StreamBook book = new StreamBook();
        book.record(7, 0);
        book.record(7, 1);

        StreamBook.Totals totals = book.totals(new long[] {7, 8}, key -> key == 7 ? 3 : 5);

        assertThat(totals.unique()).isEqualTo(2);
        assertThat(totals.lost()).isEqualTo(1 + 5);
    }
}
