package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.config.DirectoryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps a {@link ListingSnapshot} of the listings for searches to read instead of the database, and
 * tells a search whether it may. A snapshot is read in one repeatable-read transaction together with
 * the change log's last sequence number; every change of a listing (on any instance) moves that
 * number on in its own transaction. A search reads the number (one primary-key lookup) and uses the
 * snapshot only when the numbers are equal, so it never answers from older data than the database
 * would: not after a write on this instance, nor after one on another. When they differ, the search
 * reads the database as before, and a newer snapshot is built in the background, one at a time.
 *
 * <p>Listings that pass their expiry need no new snapshot: the search decides "expired" against the
 * time of the search, as the SQL does.
 */
@ApplicationScoped
public class ListingIndex {

    private static final Logger LOG = Logger.getLogger(ListingIndex.class);
    /** Rows the database sends per round trip while a snapshot is read. */
    private static final int FETCH_SIZE = 10_000;

    private final boolean enabled;
    private final DataSource dataSource;
    private final AtomicReference<ListingSnapshot> snapshot = new AtomicReference<>();
    private final AtomicBoolean building = new AtomicBoolean();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "listing-index");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean built;
    /** Whether the first build has ended, well or not (always, when the index is off). */
    private volatile boolean firstBuildDone;

    @Inject
    EntityManager entityManager;

    @Inject
    ListingIndex(DirectoryConfig config, DataSource dataSource, MeterRegistry registry) {
        this.enabled = config.searchIndex().enabled();
        this.firstBuildDone = !enabled;
        this.dataSource = dataSource;
        registry.gauge("directory_search_index_listings", this, ListingIndex::size);
    }

    void onStart(@Observes StartupEvent event) {
        refreshSoon();
    }

    @PreDestroy
    void stop() {
        builder.shutdownNow();
    }

    /**
     * The snapshot when it holds every change the database holds now; else empty, and a newer one is
     * on its way. Runs one query in the caller's transaction.
     */
    public Optional<ListingSnapshot> current() {
        if (!enabled) {
            return Optional.empty();
        }
        ListingSnapshot held = snapshot.get();
        long seq = ((Number) entityManager.createNativeQuery("select last_seq from listing_change_counter where id = 1")
                .getSingleResult()).longValue();
        if (held != null && held.seq == seq) {
            return Optional.of(held);
        }
        refreshSoon();
        return Optional.empty();
    }

    /** Whether the first snapshot has been built, or failed to be, since the start (true when the index is off). */
    boolean firstBuildDone() {
        return firstBuildDone;
    }

    /** How many listings the current snapshot holds (0 before the first). */
    int size() {
        ListingSnapshot held = snapshot.get();
        return held == null ? 0 : held.size();
    }

    /** Starts building a newer snapshot in the background, unless one is being built already. */
    void refreshSoon() {
        if (enabled && building.compareAndSet(false, true)) {
            try {
                builder.execute(() -> {
                    try {
                        rebuild();
                    } catch (SQLException | RuntimeException e) {
                        LOG.warnf(e, "Could not build the search index; searches read the database until it is built");
                    } finally {
                        firstBuildDone = true;
                        building.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                building.set(false); // shutting down
            }
        }
    }

    /** Builds a snapshot of the database as it is now and makes it the current one. */
    void rebuild() throws SQLException {
        long started = System.nanoTime();
        ListingSnapshot fresh;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                fresh = read(connection);
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        }
        // Two builds may overlap (a test's own beside a background one): the later point of the log wins.
        snapshot.accumulateAndGet(fresh, (held, newer) -> held == null || newer.seq >= held.seq ? newer : held);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (built) {
            LOG.debugf("Search index rebuilt: %d listings, %d rule sets, %d ms", fresh.size(), fresh.ruleSetCount(), millis);
        } else {
            LOG.infof("Search index built: %d listings, %d distinct rule sets, %d ms", fresh.size(), fresh.ruleSetCount(), millis);
            built = true;
        }
    }

    /**
     * Reads a snapshot with memory for little more than its own arrays, whatever the size: listings stream
     * in the order of their effective eligibility, merged with the four rule tables streaming in the same
     * order, so no map from eligibility to rules is ever built. Each listing lands at its ordinal, its
     * place among the ids read first.
     */
    private static ListingSnapshot read(Connection connection) throws SQLException {
        long seq;
        try (PreparedStatement statement = connection.prepareStatement("select last_seq from listing_change_counter where id = 1");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            seq = rows.getLong(1);
        }
        long[] ids = readIds(connection);
        int count = ids.length;
        int[] platform = new int[count];
        int[] tier = new int[count];
        byte[] taskType = new byte[count];
        byte[] status = new byte[count];
        long[] expiresAt = new long[count];
        long[] postedAt = new long[count];
        long[] updatedAt = new long[count];
        long[] hourlyMin = new long[count];
        long[] hourlyMax = new long[count];
        int[] ruleSet = new int[count];
        Dense platforms = new Dense();
        Dense tiers = new Dense();
        Map<ListingSnapshot.RuleSet, Integer> ruleSetIndex = new HashMap<>();
        List<ListingSnapshot.RuleSet> ruleSets = new ArrayList<>();
        ruleSetIndex.put(ListingSnapshot.RuleSet.NONE, 0);
        ruleSets.add(ListingSnapshot.RuleSet.NONE);
        List<RuleCursor> rules = new ArrayList<>();
        int read = 0;
        try (PreparedStatement statement = connection.prepareStatement("select id, platform_id, pay_tier_id, task_type,"
                + " status, expires_at, posted_at, updated_at, hourly_usd_min, hourly_usd_max, effective_eligibility_id"
                + " from task_listing order by effective_eligibility_id")) {
            for (String table : RuleCursor.TABLES) {
                rules.add(new RuleCursor(connection, table));
            }
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                long eligibility = -1;
                int rulesOfEligibility = 0;
                while (rows.next()) {
                    int row = Arrays.binarySearch(ids, rows.getLong(1));
                    if (row < 0) {
                        throw new IllegalStateException("The listings changed while the search index read them");
                    }
                    platform[row] = platforms.indexOf(rows.getLong(2));
                    tier[row] = tiers.indexOf(rows.getLong(3));
                    taskType[row] = (byte) TaskType.valueOf(rows.getString(4)).ordinal();
                    status[row] = (byte) ListingStatus.valueOf(rows.getString(5)).ordinal();
                    expiresAt[row] = micros(rows.getObject(6, OffsetDateTime.class), ListingSnapshot.NEVER);
                    postedAt[row] = micros(rows.getObject(7, OffsetDateTime.class), 0);
                    updatedAt[row] = micros(rows.getObject(8, OffsetDateTime.class), 0);
                    hourlyMin[row] = cents(rows.getBigDecimal(9));
                    hourlyMax[row] = cents(rows.getBigDecimal(10));
                    long effective = rows.getLong(11);
                    if (effective != eligibility) {
                        eligibility = effective;
                        ListingSnapshot.RuleSet set = new ListingSnapshot.RuleSet(rules.get(0).codesOf(effective),
                                rules.get(1).codesOf(effective), rules.get(2).codesOf(effective), rules.get(3).codesOf(effective));
                        rulesOfEligibility = ruleSetIndex.computeIfAbsent(set, added -> {
                            ruleSets.add(added);
                            return ruleSets.size() - 1;
                        });
                    }
                    ruleSet[row] = rulesOfEligibility;
                    read++;
                }
            }
        } finally {
            for (RuleCursor cursor : rules) {
                cursor.close();
            }
        }
        if (read != count) {
            throw new IllegalStateException("The listings changed while the search index read them");
        }
        int[][] orders = new int[ListingSort.values().length][];
        for (ListingSort sort : ListingSort.values()) {
            orders[sort.ordinal()] = readOrder(connection, sort, ids);
        }
        long[] platformIds = platforms.ids();
        long[] tierIds = tiers.ids();
        return new ListingSnapshot(seq, ids, platform, platformIds, slugs(connection, "platform", platformIds), tier, tierIds,
                slugs(connection, "pay_tier", tierIds), taskType, status, expiresAt, postedAt, updatedAt, hourlyMin, hourlyMax,
                ruleSet, ruleSets.toArray(ListingSnapshot.RuleSet[]::new), orders);
    }

    private static long[] readIds(Connection connection) throws SQLException {
        long[] ids = new long[1024];
        int count = 0;
        try (PreparedStatement statement = connection.prepareStatement("select id from task_listing order by id")) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, ids.length * 2);
                    }
                    ids[count++] = rows.getLong(1);
                }
            }
        }
        return Arrays.copyOf(ids, count);
    }

    /** One rule table read in eligibility order, alongside the listings read in the same order. */
    private static final class RuleCursor implements AutoCloseable {
        static final String[] TABLES = {"eligibility_country", "eligibility_excluded_country", "eligibility_language",
            "eligibility_credential"};

        private final PreparedStatement statement;
        private final ResultSet rows;
        private boolean more;

        RuleCursor(Connection connection, String table) throws SQLException {
            statement = connection.prepareStatement("select eligibility_id, code from " + table + " order by eligibility_id");
            statement.setFetchSize(FETCH_SIZE);
            rows = statement.executeQuery();
            more = rows.next();
        }

        /** The codes of {@code eligibility}, skipping the rows of eligibilities before it; asked in ascending order. */
        Set<String> codesOf(long eligibility) throws SQLException {
            while (more && rows.getLong(1) < eligibility) {
                more = rows.next();
            }
            List<String> codes = new ArrayList<>(2);
            while (more && rows.getLong(1) == eligibility) {
                codes.add(rows.getString(2));
                more = rows.next();
            }
            return Set.copyOf(codes);
        }

        @Override
        public void close() throws SQLException {
            try (statement) {
                rows.close();
            }
        }
    }

    /** The slugs of these rows of {@code table}, in the same order. Slugs never change, so a snapshot may keep them. */
    private static String[] slugs(Connection connection, String table, long[] ids) throws SQLException {
        Map<Long, String> byId = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select id, slug from " + table);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                byId.put(rows.getLong(1), rows.getString(2));
            }
        }
        return Arrays.stream(ids).mapToObj(byId::get).toArray(String[]::new);
    }

    /** Every listing's ordinal in the order of {@code sort}, as the database sorts (its collation, its nulls). */
    private static int[] readOrder(Connection connection, ListingSort sort, long[] ids) throws SQLException {
        int[] order = new int[ids.length];
        int position = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "select l.id from task_listing l order by " + sort.orderBy())) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int ordinal = Arrays.binarySearch(ids, rows.getLong(1));
                    if (ordinal < 0 || position == order.length) {
                        throw new IllegalStateException("The listings changed while the search index read them");
                    }
                    order[position++] = ordinal;
                }
            }
        }
        if (position != order.length) {
            throw new IllegalStateException("The listings changed while the search index read them");
        }
        return order;
    }

    private static long micros(OffsetDateTime timestamp, long absent) {
        return timestamp == null ? absent : ListingSnapshot.micros(timestamp.toInstant());
    }

    private static long cents(BigDecimal amount) {
        return amount == null ? ListingSnapshot.NO_PAY : ListingSnapshot.cents(amount, RoundingMode.UNNECESSARY);
    }

    /** Numbers ids 0, 1, 2... in the order first seen. */
    private static final class Dense {
        private final Map<Long, Integer> indexes = new HashMap<>();
        private final List<Long> ids = new ArrayList<>();

        int indexOf(long id) {
            return indexes.computeIfAbsent(id, added -> {
                ids.add(added);
                return ids.size() - 1;
            });
        }

        long[] ids() {
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
