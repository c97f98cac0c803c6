package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.persistence.TimestampedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

    /** The name under which {@link #identity()} is kept. */
    private static final String IDENTITY = "listing-change-log-id";

    /**
     * The sequence number of the last committed change: one primary-key read. Every change numbered up to
     * it has committed, so a copy that has applied the log up to here holds what the database holds.
     */
    public long head() {
        return ((Number) entityManager.createNativeQuery("select last_seq from listing_change_counter where id = 1")
                .getSingleResult()).longValue();
    }

    /**
     * A name for this log, the same for every instance on this database and different on any other
     * database (a restored or replaced one included): a copy made from another log is not continued
     * from its sequence number. Created on first use; runs in the caller's transaction.
     */
    public String identity() {
        @SuppressWarnings("unchecked")
        List<String> kept = entityManager.createNativeQuery("select setting_value from directory_setting where name = :name")
                .setParameter("name", IDENTITY).getResultList();
        if (!kept.isEmpty()) {
            return kept.get(0);
        }
        String created = UUID.randomUUID().toString();
        entityManager.createNativeQuery("insert into directory_setting (name, setting_value, created_at) values (:name, :value, :now)")
                .setParameter("name", IDENTITY).setParameter("value", created).setParameter("now", TimestampedEntity.now())
                .executeUpdate();
        return created;
    }

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
