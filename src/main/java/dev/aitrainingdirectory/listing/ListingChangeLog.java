package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.persistence.TimestampedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;

/**
 * The log behind {@code GET /api/listings/changes}: the latest change of every listing, numbered
 * in commit order. Every transaction that changes listings calls {@link #lock()} first; it holds
 * the counter row's lock until it commits, so sequence numbers are handed out in commit order and
 * a reader that has passed number n will never see a change numbered below n appear later.
 */
@ApplicationScoped
public class ListingChangeLog {

    /** One change as the log holds it. */
    public record Entry(long seq, long listingId, boolean deleted) {
    }

    /** Rows per statement: well under every database's limit on parameters. */
    private static final int CHUNK = 200;

    @Inject
    EntityManager entityManager;

    /** Takes the log's lock for the rest of the transaction; call before changing any listing. */
    public void lock() {
        entityManager.createNativeQuery("update listing_change_counter set last_seq = last_seq where id = 1").executeUpdate();
    }

    /** Records that a listing was created, changed or (with {@code deleted}) removed, replacing its earlier entry. */
    public void record(long listingId, boolean deleted) {
        recordAll(List.of(listingId), deleted);
    }

    /**
     * Records a change of each of these listings (distinct ids), numbered in the given order, with a
     * handful of statements however many there are: one counter update for the whole block of numbers,
     * then deletes and multi-row inserts in chunks.
     */
    public void recordAll(List<Long> listingIds, boolean deleted) {
        if (listingIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("update listing_change_counter set last_seq = last_seq + :count where id = 1")
                .setParameter("count", listingIds.size()).executeUpdate();
        long last = ((Number) entityManager.createNativeQuery("select last_seq from listing_change_counter where id = 1")
                .getSingleResult()).longValue();
        long seq = last - listingIds.size() + 1;
        Instant now = TimestampedEntity.now();
        for (int from = 0; from < listingIds.size(); from += CHUNK) {
            List<Long> chunk = listingIds.subList(from, Math.min(from + CHUNK, listingIds.size()));
            entityManager.createNativeQuery("delete from listing_change where listing_id in (:listingIds)")
                    .setParameter("listingIds", chunk).executeUpdate();
            StringBuilder insert = new StringBuilder("insert into listing_change (seq, listing_id, deleted, changed_at) values ");
            for (int index = 0; index < chunk.size(); index++) {
                insert.append(index == 0 ? "" : ", ").append("(:seq").append(index).append(", :listing").append(index)
                        .append(", :deleted, :changedAt)");
            }
            Query query = entityManager.createNativeQuery(insert.toString())
                    .setParameter("deleted", deleted).setParameter("changedAt", now);
            for (int index = 0; index < chunk.size(); index++) {
                query.setParameter("seq" + index, seq++).setParameter("listing" + index, chunk.get(index));
            }
            query.executeUpdate();
        }
    }

    /** Up to {@code limit} entries after {@code afterSeq}, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Entry> after(long afterSeq, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select seq, listing_id, deleted from listing_change where seq > :after order by seq")
                .setParameter("after", afterSeq).setMaxResults(limit).getResultList();
        return rows.stream().map(row -> new Entry(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                (Boolean) row[2])).toList();
    }
}
