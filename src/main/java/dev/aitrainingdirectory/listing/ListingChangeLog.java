package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.persistence.TimestampedEntity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

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
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Event<ListingsChanged> changed;

    /** The name under which {@link #identity()} is kept. */
    private static final String IDENTITY = "listing-change-log-id";

    /**
     * The sequence number of the last committed change: one primary-key read. Every change numbered up to
     * it has committed, so a copy that has applied the log up to here holds what the database holds.
     * Outside a transaction (every search), concurrent callers share reads: see {@link SharedRead}.
     */
    public long head() {
        if (QuarkusTransaction.isActive()) {
            return ((Number) entityManager.createNativeQuery(HEAD_SQL).getSingleResult()).longValue();
        }
        return heads.read(this::committedHead);
    }

    private static final String HEAD_SQL = "select last_seq from listing_change_counter where id = 1";

    /** Statements of the head read that run longer than this fail (like every query; see application.properties). */
    private static final int HEAD_TIMEOUT_SECONDS = 10;

    private final SharedRead heads = new SharedRead();

    private long committedHead() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(HEAD_SQL)) {
            statement.setQueryTimeout(HEAD_TIMEOUT_SECONDS);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("The change log's counter row is missing");
                }
                return row.getLong(1);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("The change log's head cannot be read", failed);
        }
    }

    /**
     * One read shared by every caller that arrived before it started: callers arriving while a read is in
     * flight gather in a batch, whose first member reads for all of them once the read in flight is done.
     * Each caller so gets a value read after it arrived (it sees every change committed before its call),
     * while under load the database answers one read per round trip instead of one per search.
     */
    static final class SharedRead {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition idle = lock.newCondition();
        private boolean reading;
        private CompletableFuture<Long> gathering;

        /** Whether a batch's reader waits for the read in flight (for tests). */
        boolean readerWaiting() {
            lock.lock();
            try {
                return lock.hasWaiters(idle);
            } finally {
                lock.unlock();
            }
        }

        long read(LongSupplier query) {
            CompletableFuture<Long> batch;
            boolean reader;
            lock.lock();
            try {
                reader = gathering == null;
                if (reader) {
                    gathering = new CompletableFuture<>();
                }
                batch = gathering;
            } finally {
                lock.unlock();
            }
            if (!reader) {
                try {
                    return batch.join();
                } catch (CompletionException failed) {
                    throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
                }
            }
            lock.lock();
            try {
                while (reading) {
                    idle.awaitUninterruptibly();
                }
                reading = true;
                gathering = null;
            } finally {
                lock.unlock();
            }
            try {
                long value = query.getAsLong();
                batch.complete(value);
                return value;
            } catch (RuntimeException failed) {
                batch.completeExceptionally(failed);
                throw failed;
            } finally {
                lock.lock();
                try {
                    reading = false;
                    idle.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
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

    /** Records that a listing was created or changed, replacing its earlier entry. */
    public void record(TaskListing listing) {
        recordAll(List.of(listing));
    }

    /** Records that the listing with this id was deleted, replacing its earlier entry. */
    public void recordDeleted(long listingId) {
        record(List.of(listingId), List.of(ListingEvent.DELETED));
    }

    /** Records a change of each of these listings (distinct, written and flushed), numbered in the given order. */
    public void recordAll(List<TaskListing> listings) {
        record(listings.stream().map(listing -> listing.id).toList(), listings.stream().map(ListingEvent::of).toList());
    }

    /**
     * Records the event of each listing (distinct ids), numbered in the given order, with a handful of statements
     * however many there are: one counter update for the whole block of numbers, then deletes and multi-row inserts
     * in chunks. Each change also goes into the webhooks' outbox with its event, in this transaction, so that a
     * committed change is announced and a rolled back one is not.
     */
    private void record(List<Long> listingIds, List<ListingEvent> events) {
        if (listingIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("update listing_change_counter set last_seq = last_seq + :count where id = 1")
                .setParameter("count", listingIds.size()).executeUpdate();
        long last = ((Number) entityManager.createNativeQuery("select last_seq from listing_change_counter where id = 1")
                .getSingleResult()).longValue();
        long first = last - listingIds.size() + 1;
        Instant now = TimestampedEntity.now();
        for (int from = 0; from < listingIds.size(); from += CHUNK) {
            List<Long> chunk = listingIds.subList(from, Math.min(from + CHUNK, listingIds.size()));
            entityManager.createNativeQuery("delete from listing_change where listing_id in (:listingIds)")
                    .setParameter("listingIds", chunk).executeUpdate();
            Query change = rows("insert into listing_change (seq, listing_id, deleted, changed_at) values ",
                    "(:seq%1$d, :listing%1$d, :deleted%1$d, :at)", chunk.size()).setParameter("at", now);
            Query event = rows("insert into webhook_event (seq, listing_id, event_type, occurred_at) values ",
                    "(:seq%1$d, :listing%1$d, :type%1$d, :at)", chunk.size()).setParameter("at", now);
            for (int index = 0; index < chunk.size(); index++) {
                long seq = first + from + index;
                ListingEvent what = events.get(from + index);
                change.setParameter("seq" + index, seq).setParameter("listing" + index, chunk.get(index))
                        .setParameter("deleted" + index, what == ListingEvent.DELETED);
                event.setParameter("seq" + index, seq).setParameter("listing" + index, chunk.get(index))
                        .setParameter("type" + index, what.type());
            }
            change.executeUpdate();
            event.executeUpdate();
        }
        changed.fire(new ListingsChanged(last));
    }

    /** A multi-row insert of {@code count} rows, each {@code row} formatted with its index. */
    private Query rows(String insert, String row, int count) {
        StringBuilder sql = new StringBuilder(insert);
        for (int index = 0; index < count; index++) {
            sql.append(index == 0 ? "" : ", ").append(row.formatted(index));
        }
        return entityManager.createNativeQuery(sql.toString());
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
