package dev.aitrainingdirectory.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.config.DirectoryConfig;
import dev.aitrainingdirectory.listing.ListingChangeLog;
import dev.aitrainingdirectory.listing.ListingResponse;
import dev.aitrainingdirectory.listing.TaskListing;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.jboss.logging.Logger;

/**
 * The Lucene index of every listing, one per instance, kept current from the change log that every
 * listing write appends to. The database stays the record: the index holds, for each listing, what
 * searches filter, sort and count on, and its answer as JSON.
 *
 * <p>Before a search is answered, {@link #read} makes sure the index holds the change log's head, as
 * the caller read it: it applies the changes after the last one it applied (an update or a delete by
 * listing id, each listing as it is now) and reopens its searcher. A client therefore reads its own
 * write on any instance, and no instance answers from older data than the database holds. A platform
 * or tier change that alters many listings is in the log as a change of each of them.
 *
 * <p>On disk ({@code directory.search-index.path}) the index survives a restart: it resumes from the
 * sequence number of its last commit. It is built from the database only when it is empty, was written
 * by another layout or for another database, or cannot be read; the instance is unready until then.
 * Without a path it lives in memory and is built at every start. Lucene's write lock keeps a second
 * process out of an index directory.
 */
@ApplicationScoped
public class ListingIndex {

    private static final Logger LOG = Logger.getLogger(ListingIndex.class);
    /** Changes read, and listings loaded, per round trip. */
    private static final int BATCH = 1000;
    /** How long a search waits for the index to catch up (a full build at the most) before it answers 503. */
    private static final long MAX_WAIT_SECONDS = 10;
    /** How long a failed first build waits before it is tried again. */
    private static final long RETRY_MILLIS = 5_000;
    private static final String SEQ = "seq";
    private static final String LAYOUT = "layout";
    private static final String LOG_IDENTITY = "changeLog";
    /** Marks an index that cannot be read at all: its files are removed before a new one is written. */
    private static final String UNREADABLE = "unreadable";

    private final Optional<Path> path;
    private final ReentrantLock applying = new ReentrantLock(true);
    private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "search-index");
        thread.setDaemon(true);
        return thread;
    });
    private final Timer catchUps;

    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    /** The change log's sequence number that the searchers reflect; -1 until the index is first current. */
    private volatile long searchable = -1;
    /** The sequence number last committed to the index's directory. */
    private volatile long committed = -1;
    private volatile boolean ready;
    /** Open once the index holds a point of the change log: built, or opened from a commit. */
    private final CountDownLatch opened = new CountDownLatch(1);
    /** The {@link ListingChangeLog#identity()} of the database the index copies. */
    private String identity;

    @Inject
    ListingChangeLog changeLog;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

    @Inject
    ListingIndex(DirectoryConfig config, MeterRegistry registry) {
        this.path = config.searchIndex().path();
        this.catchUps = Timer.builder("directory_search_index_catch_up")
                .description("Applying the change log's newest changes to the search index")
                .register(registry);
        registry.gauge("directory_search_index_listings", this, ListingIndex::size);
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        String identity = QuarkusTransaction.requiringNew().call(changeLog::identity);
        open(identity);
        builder.execute(() -> {
            // Retried until it succeeds: the database may not be reachable yet.
            while (!ready && !Thread.currentThread().isInterrupted()) {
                try {
                    if (committed < 0 && searchable < 0) {
                        build();
                    }
                    opened.countDown();
                    catchUp(QuarkusTransaction.requiringNew().call(changeLog::head));
                    ready = true;
                    LOG.infof("Search index current: %d listings at change %d", size(), searchable);
                } catch (RuntimeException | IOException e) {
                    LOG.errorf(e, "Could not bring the search index up to date; the instance stays unready and retries");
                    pause();
                }
            }
        });
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Opens the index directory and its writer, starting afresh when what it holds was written by another
     * layout, for another database's change log, or cannot be read.
     */
    private void open(String identity) throws IOException {
        this.identity = identity;
        directory = path.isPresent() ? FSDirectory.open(Files.createDirectories(path.get())) : new ByteBuffersDirectory();
        Map<String, String> commitData = committedData(directory);
        long seq = Long.parseLong(commitData.getOrDefault(SEQ, "-1"));
        boolean compatible = seq >= 0 && ListingFields.LAYOUT.equals(commitData.get(LAYOUT))
                && identity.equals(commitData.get(LOG_IDENTITY));
        if (!compatible && !commitData.isEmpty()) {
            LOG.infof("The search index at %s was written by another layout or for another database; it is rebuilt",
                    path.map(Path::toString).orElse("memory"));
        }
        if (commitData.containsKey(UNREADABLE)) {
            clear(directory);
        }
        try {
            openWriter(compatible);
        } catch (LockObtainFailedException locked) {
            throw inUse(locked);
        } catch (IOException | RuntimeException damaged) {
            // Its last commit reads, but one of its segments does not: start afresh.
            LOG.warnf("The search index cannot be read (%s); it is rebuilt", damaged.toString());
            closeQuietly();
            clear(directory);
            compatible = false;
            openWriter(false);
        }
        committed = compatible ? seq : -1;
        if (compatible) {
            LOG.infof("Search index opened at change %d with %d listings; catching up", seq, size());
        }
    }

    private void openWriter(boolean append) throws IOException {
        IndexWriterConfig settings = new IndexWriterConfig(TextAnalysis.INDEX)
                .setOpenMode(append ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setCommitOnClose(false);
        writer = new IndexWriter(directory, settings);
        searchers = new SearcherManager(writer, new SearcherFactory());
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.rollback();
            }
        } catch (IOException | RuntimeException ignored) {
            // what could be closed is; the directory is cleared next
        }
        searchers = null;
        writer = null;
    }

    /** The commit data of the index in {@code directory}: empty when there is none, or it cannot be read. */
    private static Map<String, String> committedData(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Map.of();
            }
            return SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (IOException | RuntimeException unreadable) {
            LOG.warnf("The search index cannot be read (%s); it is rebuilt", unreadable.toString());
            return Map.of(UNREADABLE, "true");
        }
    }

    /**
     * Removes every file of an index that cannot be read (Lucene would not write over them), under its
     * write lock, so that the files of an index another process holds are never touched.
     */
    private void clear(Directory directory) throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
            lock.ensureValid();
        } catch (LockObtainFailedException locked) {
            throw inUse(locked);
        }
    }

    private IllegalStateException inUse(LockObtainFailedException locked) {
        return new IllegalStateException("The search index directory " + path.orElseThrow()
                + " is in use by another process; give every instance its own (directory.search-index.path)", locked);
    }

    @PreDestroy
    void close() {
        builder.shutdownNow();
        try {
            if (writer != null) {
                commit();
                searchers.close();
                writer.close();
                directory.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "Could not close the search index cleanly; it is caught up or rebuilt at the next start");
        }
    }

    /** Commits what has been applied, so that a restart resumes from here. Cheap when nothing changed. */
    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void commit() throws IOException {
        applying.lock();
        try {
            long seq = searchable;
            if (seq >= 0 && seq != committed) {
                writer.setLiveCommitData(Map.of(SEQ, Long.toString(seq), LAYOUT, ListingFields.LAYOUT,
                        LOG_IDENTITY, identity).entrySet());
                writer.commit();
                committed = seq;
            }
        } finally {
            applying.unlock();
        }
    }

    /** A read of the index: a searcher, and the change log's sequence number it holds at least. */
    @FunctionalInterface
    public interface Read<T> {
        T apply(IndexSearcher searcher, long seq) throws IOException;
    }

    /**
     * Runs {@code read} on a searcher that holds at least the change log's {@code head}, applying the
     * newer changes first. Answers 503 when the index cannot be brought there in time (a first build).
     */
    public <T> T read(long head, Read<T> read) {
        if (searchable < head) {
            catchUp(head);
        }
        try {
            long seq = searchable;
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.apply(searcher, seq);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search index cannot be read", e);
        }
    }

    /** Whether the index has been current once since the start: until then the instance is not ready. */
    boolean ready() {
        return ready;
    }

    /** How many listings the index holds. */
    int size() {
        return writer == null ? 0 : writer.getDocStats().numDocs;
    }

    /** The change log's sequence number that searches see now. */
    long searchable() {
        return searchable;
    }

    /** Applies every change after the last applied one, at least up to {@code head}, and reopens the searcher. */
    private void catchUp(long head) {
        boolean locked;
        try {
            locked = opened.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS) && applying.tryLock(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            throw new ProblemException(503, "The search index is being built; retry shortly.");
        }
        try {
            if (searchable >= head) {
                return;
            }
            long started = System.nanoTime();
            long applied = Math.max(searchable, committed);
            while (applied < head) {
                long from = applied;
                List<ListingChangeLog.Entry> entries = QuarkusTransaction.requiringNew().call(() -> {
                    List<ListingChangeLog.Entry> batch = changeLog.after(from, BATCH);
                    apply(batch);
                    return batch;
                });
                if (entries.isEmpty()) {
                    applied = head; // every listing's latest change is at or before the last applied one
                } else {
                    applied = entries.getLast().seq();
                }
            }
            searchers.maybeRefreshBlocking();
            searchable = applied;
            catchUps.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("The search index cannot be written", e);
        } finally {
            applying.unlock();
        }
    }

    /** Writes these changes: each listing as the database holds it now, or gone. Runs in a transaction. */
    private void apply(List<ListingChangeLog.Entry> entries) {
        List<Long> changed = new ArrayList<>();
        List<Long> deleted = new ArrayList<>();
        for (ListingChangeLog.Entry entry : entries) {
            (entry.deleted() ? deleted : changed).add(entry.listingId());
        }
        Map<Long, TaskListing> listings = changed.isEmpty() ? Map.of() : TaskListing.mapByIds(changed);
        Instant now = TimestampedEntity.now();
        try {
            for (Long id : changed) {
                TaskListing listing = listings.get(id);
                if (listing == null) {
                    writer.deleteDocuments(ListingFields.idTerm(id)); // deleted since; its tombstone follows
                } else {
                    writer.updateDocument(ListingFields.idTerm(id), ListingFields.of(listing, json(listing, now)));
                }
            }
            for (Long id : deleted) {
                writer.deleteDocuments(ListingFields.idTerm(id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search index cannot be written", e);
        }
        entityManager.clear();
    }

    /**
     * Builds the index from the database: reads the change log's head, then every listing in id order
     * (each as it is now, so at least as new as the head), and commits at that head.
     */
    private void build() throws IOException {
        applying.lock();
        try {
            long started = System.nanoTime();
            writer.deleteAll(); // what an earlier, failed attempt wrote
            long head = QuarkusTransaction.requiringNew().call(changeLog::head);
            long after = 0;
            int count = 0;
            while (true) {
                long from = after;
                List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
                    @SuppressWarnings("unchecked")
                    List<Number> found = entityManager.createNativeQuery("select id from task_listing where id > :after order by id")
                            .setParameter("after", from).setMaxResults(BATCH).getResultList();
                    List<Long> batch = found.stream().map(Number::longValue).toList();
                    add(batch);
                    return batch;
                });
                if (ids.isEmpty()) {
                    break;
                }
                count += ids.size();
                after = ids.getLast();
            }
            // Searches skip the catch-up once searchable reaches their head, so it moves only after the
            // searcher sees every listing: set first, a search during the last moments of a build found none.
            searchers.maybeRefreshBlocking();
            searchable = head;
            commit();
            LOG.infof("Search index built: %d listings in %d ms", count, (System.nanoTime() - started) / 1_000_000);
        } finally {
            applying.unlock();
        }
    }

    private void add(List<Long> ids) {
        Map<Long, TaskListing> listings = TaskListing.mapByIds(ids);
        Instant now = TimestampedEntity.now();
        try {
            for (Long id : ids) {
                TaskListing listing = listings.get(id);
                if (listing != null) {
                    writer.addDocument(ListingFields.of(listing, json(listing, now)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search index cannot be written", e);
        }
        entityManager.clear();
    }

    private String json(TaskListing listing, Instant now) {
        try {
            return objectMapper.writeValueAsString(ListingResponse.of(listing, now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A listing cannot be written as JSON", e);
        }
    }
}
