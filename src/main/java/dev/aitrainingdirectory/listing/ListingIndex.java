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

    @Inject
    EntityManager entityManager;

    @Inject
    ListingIndex(DirectoryConfig config, DataSource dataSource, MeterRegistry registry) {
        this.enabled = config.searchIndex().enabled();
        this.dataSource = dataSource;
        registry.gauge("directory_search_index_listings", snapshot,
                reference -> reference.get() == null ? 0 : reference.get().size());
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
        snapshot.set(fresh);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (built) {
            LOG.debugf("Search index rebuilt: %d listings, %d rule sets, %d ms", fresh.size(), fresh.ruleSetCount(), millis);
        } else {
            LOG.infof("Search index built: %d listings, %d distinct rule sets, %d ms", fresh.size(), fresh.ruleSetCount(), millis);
            built = true;
        }
    }

    private static ListingSnapshot read(Connection connection) throws SQLException {
        long seq;
        int count;
        try (PreparedStatement statement = connection.prepareStatement(
                "select last_seq, (select count(*) from task_listing) from listing_change_counter where id = 1");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            seq = rows.getLong(1);
            count = rows.getInt(2);
        }
        Map<Long, List<List<String>>> rulesByEligibility = readRules(connection);

        long[] ids = new long[count];
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
        int row = 0;
        try (PreparedStatement statement = connection.prepareStatement("select id, platform_id, pay_tier_id, task_type,"
                + " status, expires_at, posted_at, updated_at, hourly_usd_min, hourly_usd_max, effective_eligibility_id"
                + " from task_listing order by id")) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next() && row < count) {
                    ids[row] = rows.getLong(1);
                    platform[row] = platforms.indexOf(rows.getLong(2));
                    tier[row] = tiers.indexOf(rows.getLong(3));
                    taskType[row] = (byte) TaskType.valueOf(rows.getString(4)).ordinal();
                    status[row] = (byte) ListingStatus.valueOf(rows.getString(5)).ordinal();
                    expiresAt[row] = micros(rows.getObject(6, OffsetDateTime.class), ListingSnapshot.NEVER);
                    postedAt[row] = micros(rows.getObject(7, OffsetDateTime.class), 0);
                    updatedAt[row] = micros(rows.getObject(8, OffsetDateTime.class), 0);
                    hourlyMin[row] = cents(rows.getBigDecimal(9));
                    hourlyMax[row] = cents(rows.getBigDecimal(10));
                    List<List<String>> rules = rulesByEligibility.get(rows.getLong(11));
                    if (rules == null) {
                        ruleSet[row] = 0;
                    } else {
                        ListingSnapshot.RuleSet set = new ListingSnapshot.RuleSet(Set.copyOf(rules.get(0)),
                                Set.copyOf(rules.get(1)), Set.copyOf(rules.get(2)), Set.copyOf(rules.get(3)));
                        ruleSet[row] = ruleSetIndex.computeIfAbsent(set, added -> {
                            ruleSets.add(added);
                            return ruleSets.size() - 1;
                        });
                    }
                    row++;
                }
            }
        }
        if (row != count) {
            throw new IllegalStateException("The listings changed while the search index read them");
        }
        int[][] orders = new int[ListingSort.values().length][];
        for (ListingSort sort : ListingSort.values()) {
            orders[sort.ordinal()] = readOrder(connection, sort, ids);
        }
        long[] platformIds = platforms.ids();
        long[] tierIds = tiers.ids();
        return new ListingSnapshot(seq, ids, platform, platformIds, slugs(connection, "platform", platformIds), tier, tierIds,
                slugs(connection, "pay_tier", tierIds), taskType, status, expiresAt,
                postedAt, updatedAt, hourlyMin, hourlyMax, ruleSet,
                ruleSets.toArray(ListingSnapshot.RuleSet[]::new), orders);
    }

    /** Per effective eligibility that has any rule: its countries, excluded countries, languages and credentials. */
    private static Map<Long, List<List<String>>> readRules(Connection connection) throws SQLException {
        String[] tables = {"eligibility_country", "eligibility_excluded_country", "eligibility_language",
            "eligibility_credential"};
        Map<Long, List<List<String>>> rules = new HashMap<>();
        for (int kind = 0; kind < tables.length; kind++) {
            try (PreparedStatement statement = connection.prepareStatement("select r.eligibility_id, r.code from "
                    + tables[kind] + " r where r.eligibility_id in (select effective_eligibility_id from task_listing)")) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rules.computeIfAbsent(rows.getLong(1), id -> List.of(new ArrayList<>(2), new ArrayList<>(2),
                                new ArrayList<>(2), new ArrayList<>(2))).get(kind).add(rows.getString(2));
                    }
                }
            }
        }
        return rules;
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
