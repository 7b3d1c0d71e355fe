package ma.rokhsa.infrastructure.search.node;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.infrastructure.persistence.RokhsaDataSourceDefinition;
import ma.rokhsa.infrastructure.search.DossierSearch;
import ma.rokhsa.infrastructure.search.SearchPage;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.changes.ChangeCursor;
import ma.rokhsa.infrastructure.search.changes.DossierSearchChanges;
import ma.rokhsa.infrastructure.search.changes.SearchChangeApplier;
import ma.rokhsa.infrastructure.search.changes.SearchChangeLog;
import ma.rokhsa.infrastructure.search.changes.SearchChangePurge;
import ma.rokhsa.infrastructure.search.lucene.LuceneDossierIndex;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.microprofile.config.Config;

/**
 * This node's dossier index and the job that keeps it in step with the database (ADR 0020, ADR
 * 0024). {@link #start()} — called by the platform's bootstrap once the node is ready — opens the
 * index under {@code <rokhsa.index.dir>/dossiers-v1} in the background, checks it ({@link
 * CheckIndex}) and rebuilds it from the database if it is missing, incomplete or corrupt, while the
 * platform serves (search answers {@link SearchNotReady} meanwhile). Then every {@code
 * rokhsa.search.poll-interval} it applies the change log after this node's cursor and refreshes the
 * searcher; every {@code rokhsa.search.checkpoint-interval} it commits the index with its cursor.
 * {@link #stop()} (SIGTERM, undeployment) stops the job, commits and closes the index: this bean
 * holds the {@link LuceneDossierIndex} and is the only one that closes it.
 *
 * <pre>{@code
 * node.start();                       // bootstrap, once the node is ready
 * SearchPage page = node.search(req); // SearchNotReady until the index is open and complete
 * node.stop();                        // on SIGTERM
 * }</pre>
 */
@ApplicationScoped
public class SearchNode implements DossierSearch {

  private static final Logger LOG = Logger.getLogger(SearchNode.class.getName());

  /** The index's directory, under the index directory; the suffix is the analysis version. */
  static final String INDEX = "dossiers-v1";

  /** How far below the log's end a rebuild waits for changes still in flight. */
  static final int TAIL_WINDOW = 10_000;

  /** How often a rebuild renews its hold on the change log (well under the node expiry). */
  static final Duration HOLD_REFRESH = Duration.ofSeconds(30);

  private static final ZoneId LEGAL_ZONE = ZoneId.of("Africa/Casablanca");

  @Resource private ManagedScheduledExecutorService scheduler;
  @Resource private ManagedExecutorService executor;

  @Resource(lookup = RokhsaDataSourceDefinition.JNDI_NAME)
  private DataSource dataSource;

  @Inject RokhsaSettings settings;
  @Inject Config config;
  @Inject Clock clock;

  private final ReentrantLock lock = new ReentrantLock();
  private final java.util.concurrent.atomic.AtomicBoolean wakeups =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile LuceneDossierIndex index;
  private volatile boolean ready;
  private volatile boolean stopping;
  private volatile Job job;
  private SearchChangeApplier applier;
  private SearchChangeLog log;
  private SearchChangePurge purge;
  private String nodeId;
  private Duration purgeInterval;
  private volatile Instant lastPurge = Instant.EPOCH;
  private final java.util.concurrent.atomic.AtomicBoolean purging =
      new java.util.concurrent.atomic.AtomicBoolean();
  private JdbcSearchableDossiers dossiers;
  private ScheduledFuture<?> task;
  private Duration checkpointInterval;
  private Instant lastCheckpoint = Instant.EPOCH;
  private boolean appliedSinceCheckpoint;
  private int batchSize;

  /** Opens the index in the background and starts applying changes; idempotent. */
  public synchronized void start() {
    if (task != null || stopping) {
      return;
    }
    Duration poll = duration("rokhsa.search.poll-interval", "PT0.2S");
    checkpointInterval = duration("rokhsa.search.checkpoint-interval", "PT5S");
    Duration gapTimeout = duration("rokhsa.search.gap-timeout", "PT10M");
    batchSize = config.getOptionalValue("rokhsa.search.batch-size", Integer.class).orElse(1000);
    log = new SearchChangeLog(dataSource, gapTimeout);
    purge =
        new SearchChangePurge(
            dataSource,
            duration("rokhsa.search.change-retention", "P1D"),
            duration("rokhsa.search.node-expiry", "P7D"));
    purgeInterval = duration("rokhsa.search.purge-interval", "PT10M");
    dossiers = new JdbcSearchableDossiers(dataSource);
    if (poll.isZero() || poll.isNegative()) {
      LOG.info("search index not kept (rokhsa.search.poll-interval=" + poll + ")");
      return;
    }
    executor.submit(this::open);
    long millis = poll.toMillis();
    task = scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Where this node keeps its index. */
  public Path directory() {
    return settings.indexDir().resolve(INDEX);
  }

  // ---- opening ------------------------------------------------------------------------------

  private void open() {
    Path dir = directory();
    try {
      Files.createDirectories(dir);
      nodeId = nodeId();
      String reason = null;
      try (Directory probe = FSDirectory.open(dir)) {
        if (!DirectoryReader.indexExists(probe)) {
          reason = "missing";
        } else if (!clean(probe)) {
          reason = "corrupt";
        }
      }
      if ("corrupt".equals(reason)) {
        LOG.warning("search index at " + dir + " is corrupt (CheckIndex): rebuilding it");
        empty(dir);
      }
      LuceneDossierIndex opened;
      try {
        opened = new LuceneDossierIndex(FSDirectory.open(dir), LEGAL_ZONE);
      } catch (UncheckedIOException | IllegalArgumentException unreadable) {
        LOG.log(
            Level.WARNING, "search index at " + dir + " cannot be opened: rebuilding", unreadable);
        empty(dir);
        opened = new LuceneDossierIndex(FSDirectory.open(dir), LEGAL_ZONE);
        reason = "corrupt";
      }
      index = opened;
      String committed = opened.committedData().get(SearchChangeLog.CURSOR_KEY);
      if (reason == null && committed == null) {
        reason = "incomplete";
      }
      if (reason == null
          && !purge.report(nodeId, ChangeCursor.decode(committed).lowWater(), clock.instant())) {
        LOG.warning(
            "search index at "
                + dir
                + " is behind the purged change log (this node was away longer than"
                + " rokhsa.search.node-expiry): rebuilding it");
        reason = "behind";
      }
      if (reason != null) {
        rebuild(reason);
      } else {
        lock.lock();
        try {
          applier = new SearchChangeApplier(log, opened, dossiers, clock, batchSize);
          ready = true;
        } finally {
          lock.unlock();
        }
        LOG.info(
            "search index open: "
                + opened.count()
                + " dossiers, replaying changes after "
                + applier.cursor().highWater());
      }
    } catch (IOException | SQLException | RuntimeException e) {
      LOG.log(Level.SEVERE, "search index at " + dir + " cannot be opened; search is off", e);
    }
  }

  /**
   * This node's name in the change log's reports ({@code search_node}): kept beside the index, so
   * that it survives a restart and a rebuild, and differs between nodes sharing a database.
   */
  private String nodeId() throws IOException {
    Path file = settings.indexDir().resolve("node-id");
    if (Files.exists(file)) {
      String id = Files.readString(file).strip();
      if (!id.isEmpty()) {
        return id;
      }
    }
    String id = UUID.randomUUID().toString();
    Path written = Files.writeString(file.resolveSibling("node-id.tmp"), id);
    Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return id;
  }

  private static boolean clean(Directory dir) {
    try (CheckIndex check = new CheckIndex(dir)) {
      // Checksums of every file: what a crash or a bad disk damages; full checks are minutes.
      check.setChecksumsOnly(true);
      return check.checkIndex().clean;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "CheckIndex failed", e);
      return false;
    }
  }

  private static void empty(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  // ---- rebuilding ---------------------------------------------------------------------------

  /**
   * Starts rebuilding the index from the database (the admin's reindex); search keeps answering
   * from the index as it is, each dossier's document replaced as the rebuild reaches it.
   *
   * @return the job, or the one already running
   */
  public Reindex reindex() {
    synchronized (this) {
      Job running = job;
      if (running != null && running.finishedAt == null) {
        return running.report(clock.instant());
      }
      if (index == null || !ready) {
        throw new SearchNotReady("the search index is still being opened", Duration.ofSeconds(5));
      }
      return startRebuild("admin").report(clock.instant());
    }
  }

  private synchronized Job startRebuild(String reason) {
    Job running = job;
    if (running != null && running.finishedAt == null) {
      return running;
    }
    Job started = new Job(reason, dossiers.count(), clock.instant());
    started.rebuilding = true; // pauses the change job from now, not from when the thread runs
    job = started;
    executor.submit(() -> run(started));
    return started;
  }

  /** The last rebuild of this node's index, if any since it started. */
  public Optional<Reindex> lastReindex() {
    Job j = job;
    return j == null ? Optional.empty() : Optional.of(j.report(clock.instant()));
  }

  private void rebuild(String reason) {
    Job started = new Job(reason, dossiers.count(), clock.instant());
    job = started;
    LOG.info("search index " + reason + ": rebuilding " + started.total + " dossiers");
    run(started);
  }

  /**
   * Reads every dossier into the index, then commits it with the cursor taken before the first
   * read: whatever changed meanwhile is applied after (harmlessly twice). The change job is paused
   * meanwhile, so that an old read never overwrites a newer one.
   */
  private void run(Job j) {
    try {
      // Hold the purge where it is first: changes that commit while the dossiers are read must
      // stay in the log until this node has applied them.
      long held = purge.hold(nodeId, clock.instant());
      ChangeCursor tail = log.tail(TAIL_WINDOW, clock.instant());
      j.rebuilding = true;
      LuceneDossierIndex target = index;
      Instant[] lastHold = {clock.instant()};
      dossiers.forEach(
          d -> {
            target.index(d);
            j.done.incrementAndGet();
            // A rebuild can outlast rokhsa.search.node-expiry: keep the hold fresh.
            Instant now = clock.instant();
            if (Duration.between(lastHold[0], now).compareTo(HOLD_REFRESH) >= 0) {
              lastHold[0] = now;
              try {
                purge.report(nodeId, held, now);
              } catch (SQLException e) {
                LOG.log(Level.WARNING, "refreshing the rebuild's hold on the change log", e);
              }
            }
          },
          () -> stopping);
      if (stopping) {
        j.fail("stopped");
        return;
      }
      lock.lock();
      try {
        target.refresh();
        target.commit(SearchChangeLog.commitData(tail));
        applier = new SearchChangeApplier(log, target, dossiers, clock, batchSize);
        lastCheckpoint = clock.instant();
        ready = true;
      } finally {
        lock.unlock();
      }
      j.finish(clock.instant());
      if (!purge.report(nodeId, tail.lowWater(), clock.instant())) {
        // The hold lapsed (the node could not reach the database for longer than the node
        // expiry) and changes after the tail were purged: they may be missing. Again.
        LOG.warning("the change log was purged past this rebuild's start: rebuilding again");
        startRebuild("behind");
      }
      LOG.info(
          "search index rebuilt ("
              + j.reason
              + "): "
              + j.done.get()
              + " dossiers in "
              + Duration.between(j.startedAt, j.finishedAt).toMillis()
              + " ms");
    } catch (SQLException | RuntimeException e) {
      j.fail(e.toString());
      LOG.log(Level.SEVERE, "search index rebuild failed", e);
    } finally {
      j.rebuilding = false;
    }
  }

  // ---- applying changes ---------------------------------------------------------------------

  /**
   * A transaction of this node committed search changes: apply them now rather than at the next
   * poll (a pass already waiting for the lock covers them too).
   */
  void committed(@Observes DossierSearchChanges.ChangesCommitted e) {
    if (ready && !stopping && wakeups.compareAndSet(false, true)) {
      try {
        executor.submit(
            () -> {
              wakeups.set(false);
              tick();
            });
      } catch (RuntimeException rejected) {
        wakeups.set(false);
      }
    }
  }

  private void tick() {
    Job j = job;
    if (!ready || stopping || (j != null && j.rebuilding)) {
      return;
    }
    boolean behind = false;
    Instant now = clock.instant();
    lock.lock();
    try {
      if (applier.applyPending() > 0) {
        appliedSinceCheckpoint = true;
      }
      now = clock.instant();
      if (Duration.between(lastCheckpoint, now).compareTo(checkpointInterval) >= 0) {
        applier.checkpoint();
        lastCheckpoint = now;
        appliedSinceCheckpoint = false;
        // What is committed is what a crash restarts from: only that may let rows go.
        behind = !purge.report(nodeId, applier.cursor().lowWater(), now);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "applying search changes failed; trying again", e);
      return;
    } finally {
      lock.unlock();
    }
    if (behind) {
      LOG.warning(
          "search index is behind the purged change log (this node did not report for longer"
              + " than rokhsa.search.node-expiry): rebuilding it");
      startRebuild("behind");
      return;
    }
    // Outside the lock: a first purge of a long log deletes many rows, applying goes on.
    if (Duration.between(lastPurge, now).compareTo(purgeInterval) >= 0
        && purging.compareAndSet(false, true)) {
      lastPurge = now;
      try {
        long deleted = purge.purge(now);
        if (deleted > 0) {
          LOG.fine("search change log: " + deleted + " applied rows purged");
        }
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "purging the search change log failed; trying later", e);
      } finally {
        purging.set(false);
      }
    }
  }

  // ---- searching ----------------------------------------------------------------------------

  @Override
  public SearchPage search(SearchRequest request) {
    LuceneDossierIndex current = index;
    if (!ready || current == null) {
      throw notReady();
    }
    return current.search(request);
  }

  private SearchNotReady notReady() {
    Job j = job;
    Duration retry = Duration.ofSeconds(5);
    if (j != null && j.finishedAt == null) {
      retry =
          j.report(clock.instant())
              .eta()
              .map(eta -> eta.plusSeconds(1))
              .filter(eta -> eta.compareTo(Duration.ofMinutes(10)) < 0)
              .orElse(retry);
    }
    return new SearchNotReady(
        "the search index of this node is being built from the database; try again shortly", retry);
  }

  /** What an operator wants to know of this node's index. */
  public record Status(
      boolean ready,
      long indexed,
      long inDatabase,
      long highWater,
      int gaps,
      Path directory,
      Optional<SearchChangePurge.State> changeLog) {}

  /** This node's index: whether it answers, what it holds, where its cursor is. */
  public Status status() {
    LuceneDossierIndex current = index;
    long indexed = current == null ? 0 : current.count();
    long high = 0;
    int gaps = 0;
    lock.lock();
    try {
      if (applier != null) {
        high = applier.cursor().highWater();
        gaps = applier.cursor().gaps().size();
      }
    } finally {
      lock.unlock();
    }
    long total = dossiers == null ? 0 : dossiers.count();
    Optional<SearchChangePurge.State> changeLog = Optional.empty();
    if (purge != null) {
      try {
        changeLog = Optional.of(purge.state(clock.instant()));
      } catch (SQLException e) {
        LOG.log(Level.FINE, "reading the change log's state", e);
      }
    }
    return new Status(ready, indexed, total, high, gaps, directory(), changeLog);
  }

  // ---- stopping -----------------------------------------------------------------------------

  /**
   * Stops applying changes, commits the index with its cursor and closes it; a rebuild under way
   * stops and is done again at the next start.
   */
  @PreDestroy
  public synchronized void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    if (task != null) {
      task.cancel(false);
      task = null;
    }
    lock.lock();
    try {
      LuceneDossierIndex current = index;
      if (current == null) {
        return;
      }
      Job j = job;
      if (ready && applier != null && (j == null || !j.rebuilding)) {
        applier.checkpoint();
        try {
          purge.report(nodeId, applier.cursor().lowWater(), clock.instant());
        } catch (SQLException e) {
          LOG.log(Level.FINE, "reporting the search cursor on stop", e);
        }
      }
      current.close();
      index = null;
      ready = false;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "closing the search index", e);
    } finally {
      lock.unlock();
    }
  }

  private Duration duration(String key, String fallback) {
    return Duration.parse(config.getOptionalValue(key, String.class).orElse(fallback));
  }

  /** A rebuild's progress, shared by the thread that runs it and those that report it. */
  private static final class Job {
    final String id = UUID.randomUUID().toString();
    final String reason;
    final long total;
    final Instant startedAt;
    final AtomicLong done = new AtomicLong();
    volatile boolean rebuilding;
    volatile Instant finishedAt;
    volatile String failure;

    Job(String reason, long total, Instant startedAt) {
      this.reason = reason;
      this.total = total;
      this.startedAt = startedAt;
    }

    void finish(Instant at) {
      finishedAt = at;
    }

    void fail(String why) {
      failure = why;
      finishedAt = Instant.now();
    }

    Reindex report(Instant now) {
      return new Reindex(
          id,
          reason,
          startedAt,
          done.get(),
          Math.max(total, done.get()),
          Optional.ofNullable(finishedAt),
          Optional.ofNullable(failure),
          now);
    }
  }
}
