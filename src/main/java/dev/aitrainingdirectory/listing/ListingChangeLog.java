package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.persistence.TimestampedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    @Inject
    EntityManager entityManager;

    /** Takes the log's lock for the rest of the transaction; call before changing any listing. */
    public void lock() {
        entityManager.createNativeQuery("update listing_change_counter set last_seq = last_seq where id = 1").executeUpdate();
    }

    /** Records that a listing was created, changed or (with {@code deleted}) removed, replacing its earlier entry. */
    public void record(long listingId, boolean deleted) {
        entityManager.createNativeQuery("update listing_change_counter set last_seq = last_seq + 1 where id = 1").executeUpdate();
        long seq = ((Number) entityManager.createNativeQuery("select last_seq from listing_change_counter where id = 1")
                .getSingleResult()).longValue();
        entityManager.createNativeQuery("delete from listing_change where listing_id = :listingId")
                .setParameter("listingId", listingId).executeUpdate();
        entityManager.createNativeQuery("insert into listing_change (seq, listing_id, deleted, changed_at)"
                        + " values (:seq, :listingId, :deleted, :changedAt)")
                .setParameter("seq", seq).setParameter("listingId", listingId).setParameter("deleted", deleted)
                .setParameter("changedAt", TimestampedEntity.now()).executeUpdate();
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
