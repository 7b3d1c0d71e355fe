package ma.rokhsa.infrastructure.notification;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import ma.rokhsa.infrastructure.Throwables;
import ma.rokhsa.infrastructure.scheduling.NodeName;
import ma.rokhsa.plugin.api.notification.DeliveryFailure;
import ma.rokhsa.plugin.api.notification.Message;
import ma.rokhsa.plugin.api.notification.NotificationChannel;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Delivers the outbox's notifications, on every node: every {@code rokhsa.outbox.poll-interval} it
 * claims a batch of due notifications for a lease ({@link OutboxStore#claim}: no two nodes hold the
 * same row), sends each through its channel, and records the outcome at once — sent, due again
 * after a backoff (transient failure), or failed (permanent failure, unknown channel, attempts
 * exhausted). A node that dies mid-batch leaves its rows to be claimed again when their lease
 * expires: delivery is at least once, and a message is sent twice only if the node stops between
 * the channel's acceptance and the next statement, which records it.
 *
 * <p>Started by the platform's bootstrap once the schema is migrated ({@link #start()}); stopped
 * with the application: the message being sent is finished and recorded, the rest of the batch is
 * handed back unsent.
 */
@ApplicationScoped
public class OutboxDispatcher {

  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  @Inject OutboxStore store;
  @Inject NotificationChannels channels;
  @Inject OutboxSettings settings;
  @Inject MailSettings mail;
  @Inject Clock clock;
  @Inject MetricRegistry metrics;

  private final String node = NodeName.get();
  private final ReentrantLock running = new ReentrantLock();
  private volatile boolean stopping;
  private volatile boolean failing;
  private ScheduledFuture<?> task;

  /** Starts polling the outbox (once; later calls do nothing). */
  public synchronized void start() {
    if (task == null) {
      long interval = settings.pollInterval().toMillis();
      task =
          scheduler.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
      LOG.info(() -> "Outbox dispatcher " + node + " polls every " + settings.pollInterval());
    }
  }

  /** Stops polling; a send in progress finishes and is recorded first (at most one lease). */
  @PreDestroy
  public void stop() {
    stopping = true;
    synchronized (this) {
      if (task != null) {
        task.cancel(false);
      }
    }
    try {
      // Let a send in progress finish and be recorded (its batch's rest is handed back).
      if (running.tryLock(settings.lease().toMillis(), TimeUnit.MILLISECONDS)) {
        running.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One look at the outbox: batches are sent until no full batch is due. */
  void poll() {
    if (stopping || !running.tryLock()) {
      return;
    }
    try {
      while (!stopping && dispatchBatch() == settings.batchSize()) {
        // a full batch: more may be due
      }
      if (failing) {
        failing = false;
        LOG.info("The notification outbox is reachable again.");
      }
    } catch (RuntimeException e) {
      // Logged once until it works again: a database that is down would otherwise fill the log.
      if (!failing) {
        failing = true;
        LOG.log(Level.WARNING, "The notification outbox cannot be dispatched now; retrying", e);
      }
    } finally {
      running.unlock();
    }
  }

  /** Claims and sends one batch; returns how many notifications were claimed. */
  int dispatchBatch() {
    Instant now = clock.instant();
    List<OutboxStore.Claimed> batch =
        store.claim(node, settings.batchSize(), now, now.plus(settings.lease()));
    Duration allowance = sendAllowance();
    for (int i = 0; i < batch.size(); i++) {
      OutboxStore.Claimed claimed = batch.get(i);
      if (stopping || clock.instant().plus(allowance).isAfter(claimed.leaseUntil())) {
        // Stopping, or the lease could run out during the send: hand the rest back.
        batch.subList(i, batch.size()).forEach(store::release);
        break;
      }
      deliver(claimed);
    }
    return batch.size();
  }

  private void deliver(OutboxStore.Claimed claimed) {
    Optional<NotificationChannel> channel;
    try {
      channel = channels.find(claimed.channel());
    } catch (RuntimeException | LinkageError e) {
      retryOrFail(claimed, "the channel could not be looked up: " + Throwables.rootMessage(e));
      return;
    }
    if (channel.isEmpty()) {
      count("failed", claimed);
      store.markFailed(
          claimed,
          "no channel '"
              + claimed.channel()
              + "': neither built in nor offered by a started plugin");
      return;
    }
    try {
      channel
          .get()
          .send(
              new Message(
                  claimed.messageId(),
                  claimed.recipient(),
                  claimed.language(),
                  claimed.subject(),
                  claimed.body()));
    } catch (DeliveryFailure failure) {
      if (failure.isTransient()) {
        retryOrFail(claimed, failure.getMessage());
      } else {
        count("failed", claimed);
        store.markFailed(claimed, "permanent failure: " + failure.getMessage());
      }
      return;
    } catch (RuntimeException | LinkageError e) {
      retryOrFail(claimed, "the channel failed: " + Throwables.rootMessage(e));
      return;
    }
    count("sent", claimed);
    if (!store.markSent(claimed, clock.instant())) {
      LOG.warning(
          () ->
              "Notification "
                  + claimed.messageId()
                  + " was sent after its lease had been taken over: it may be sent twice");
    }
  }

  private void retryOrFail(OutboxStore.Claimed claimed, String reason) {
    Instant now = clock.instant();
    Optional<Instant> retryAt = settings.retryPolicy().retryAt(claimed.attempts(), now);
    if (retryAt.isPresent()) {
      count("retried", claimed);
      store.retryLater(claimed, reason, retryAt.get());
    } else {
      count("failed", claimed);
      store.markFailed(claimed, "gave up after " + claimed.attempts() + " attempts: " + reason);
    }
  }

  /**
   * Counts an outcome by channel: {@code rokhsa_outbox_sent_total}, {@code …_retried_total}, {@code
   * …_failed_total} on {@code /metrics}.
   */
  private void count(String outcome, OutboxStore.Claimed claimed) {
    metrics.counter("rokhsa.outbox." + outcome, new Tag("channel", claimed.channel())).inc();
  }

  /**
   * The longest a send may take (an SMTP conversation's connect, read and write timeouts), and at
   * most half the lease.
   */
  private Duration sendAllowance() {
    Duration send = mail.timeout().multipliedBy(3);
    Duration half = settings.lease().dividedBy(2);
    return send.compareTo(half) < 0 ? send : half;
  }
}
