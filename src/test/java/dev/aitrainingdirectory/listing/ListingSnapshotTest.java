package dev.aitrainingdirectory.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A snapshot's search on hand-made columns: here, that a listing reads as CLOSED from its expiry on. */
class ListingSnapshotTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aListingReadsAsClosedFromItsExpiryOnAndOpenBefore() {
        ListingSnapshot snapshot = twoListings();
        Instant justBefore = EXPIRY.minusNanos(1000);

        assertThat(openIds(snapshot, justBefore)).containsExactly(1L, 2L);
        assertThat(openIds(snapshot, EXPIRY)).containsExactly(2L);
        // Back before the expiry (another thread's clock): the statuses are worked out again, not reused.
        assertThat(openIds(snapshot, justBefore)).containsExactly(1L, 2L);
        assertThat(statusCounts(snapshot, EXPIRY.plusSeconds(3600)))
                .isEqualTo(Map.of("OPEN", 1L, "CLOSED", 1L));
    }

    @Test
    void boundsAtTheEndsOfTheAcceptedYearsFilterInsteadOfOverflowing() {
        ListingSnapshot snapshot = twoListings();
        Instant now = EXPIRY.minusSeconds(60);

        assertThat(postedAfter(snapshot, Instant.parse("0001-01-01T00:00:00Z"), now)).containsExactly(1L, 2L);
        assertThat(postedAfter(snapshot, Instant.parse("9999-12-31T23:59:59.999999999Z"), now)).isEmpty();
        assertThat(ListingSnapshot.micros(Instant.parse("1969-12-31T23:59:59.999999500Z"))).isEqualTo(-1);
    }

    private static List<Long> postedAfter(ListingSnapshot snapshot, Instant bound, Instant now) {
        ListingCriteria criteria = new ListingCriteria(List.of(), null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), EnumSet.of(ListingStatus.OPEN), null, null, false, bound, bound);
        return snapshot.search(criteria, ListingSort.NEWEST, 0, 10, EnumSet.allOf(ListingFacet.class), now, null).ids();
    }

    private static List<Long> openIds(ListingSnapshot snapshot, Instant now) {
        return snapshot.search(criteria(EnumSet.of(ListingStatus.OPEN)), ListingSort.NEWEST, 0, 10, Set.of(), now, null).ids();
    }

    private static Map<String, Long> statusCounts(ListingSnapshot snapshot, Instant now) {
        return snapshot.search(criteria(EnumSet.of(ListingStatus.OPEN)), ListingSort.NEWEST, 0, 10,
                EnumSet.of(ListingFacet.STATUS), now, null).facetCounts().get(ListingFacet.STATUS);
    }

    private static ListingCriteria criteria(Set<ListingStatus> statuses) {
        return new ListingCriteria(List.of(), null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), statuses,
                null, null, false, null, null);
    }

    /** Listing 1 expires at EXPIRY; listing 2 never does. Both open, same platform and tier, listing 1 newer. */
    private static ListingSnapshot twoListings() {
        long posted = ListingSnapshot.micros(Instant.parse("2026-11-01T00:00:00Z"));
        byte open = (byte) ListingStatus.OPEN.ordinal();
        return new ListingSnapshot(7, new long[] {1, 2}, new int[] {0, 0}, new long[] {10}, new String[] {"platform"},
                new int[] {0, 0}, new long[] {20}, new String[] {"tier"},
                new byte[] {(byte) TaskType.RESPONSE_RATING.ordinal(), (byte) TaskType.RESPONSE_RATING.ordinal()},
                new byte[] {open, open}, new long[] {ListingSnapshot.micros(EXPIRY), ListingSnapshot.NEVER},
                new long[] {posted + 1, posted}, new long[] {posted, posted},
                new long[] {ListingSnapshot.NO_PAY, ListingSnapshot.NO_PAY}, new long[] {ListingSnapshot.NO_PAY, ListingSnapshot.NO_PAY},
                new int[] {0, 0}, new ListingSnapshot.RuleSet[] {ListingSnapshot.RuleSet.NONE},
                new int[][] {{0, 1}, {1, 0}, {0, 1}, {0, 1}, {0, 1}, {0, 1}});
    }
}
