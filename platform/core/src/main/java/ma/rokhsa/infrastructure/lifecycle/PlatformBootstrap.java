package ma.rokhsa.infrastructure.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import ma.rokhsa.application.AccountService;
import ma.rokhsa.application.PlatformInfoService;
import ma.rokhsa.application.TenantConfigReport;
import ma.rokhsa.application.TenantConfigService;
import ma.rokhsa.domain.model.installation.Installation;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.infrastructure.notification.OutboxDispatcher;
import ma.rokhsa.infrastructure.persistence.SchemaMigration;
import ma.rokhsa.infrastructure.plugins.PluginHost;
import ma.rokhsa.infrastructure.scheduling.AuditVerificationSchedule;
import ma.rokhsa.infrastructure.scheduling.LegalClockSchedule;
import ma.rokhsa.infrastructure.search.node.SearchNode;
import ma.rokhsa.infrastructure.security.TokenKeys;
import ma.rokhsa.infrastructure.signing.devca.DevCa;

/**
 * Brings the platform up as part of its deployment: migrates the schema, records the installation,
 * applies {@code tenant-config/}, then says where the platform listens. If any of it fails the
 * deployment fails, loudly, rather than serving requests against a database it cannot use; {@code
 * /health/live} then reports DOWN so that an orchestrator restarts the node.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class PlatformBootstrap {

  private static final Logger LOG = Logger.getLogger(PlatformBootstrap.class.getName());

  @Inject SchemaMigration schema;
  @Inject TenantConfigService tenantConfig;
  @Inject PlatformInfoService platform;
  @Inject RokhsaSettings settings;
  @Inject AccountService accounts;
  @Inject DemoData demo;
  @Inject PluginHost pluginHost;
  @Inject OutboxDispatcher outboxDispatcher;
  @Inject LegalClockSchedule legalClock;
  @Inject AuditVerificationSchedule auditVerification;

  @Inject ma.rokhsa.infrastructure.scheduling.ContentCollectionSchedule contentCollection;
  @Inject SearchNode search;
  @Inject TokenKeys tokenKeys;
  @Inject NodeLifecycle lifecycle;
  @Inject Instance<DevCa> devCa;

  private final AtomicBoolean stopping = new AtomicBoolean();
  private StopSignals signals;

  /** The username of the national admin created on a new installation. */
  static final String INITIAL_ADMIN = "admin";

  @PostConstruct
  void start() {
    refuseIf(ProductionGuards.demoOnPublicUrl(settings.demo(), settings.publicUrl()));
    schema.migrate();
    Installation installation = installation();
    TenantConfigReport tenants = tenantConfig.reload();
    boolean adminCreated =
        settings
            .initialAdminPassword()
            .filter(password -> accounts.ensureNationalAdmin(INITIAL_ADMIN, password.toCharArray()))
            .isPresent();
    if (adminCreated) {
      LOG.info("Created the national admin account '" + INITIAL_ADMIN + "'.");
    }
    refuseIf(
        ProductionGuards.all(
            List.of(
                ProductionGuards.initialPasswordIgnored(
                    settings.initialAdminPassword().isPresent(),
                    adminCreated,
                    settings
                        .initialAdminPassword()
                        .map(p -> !accounts.withPassword(nationalAdminNames(), p).isEmpty())
                        .orElse(false)),
                ProductionGuards.demoAccountsLeft(
                    settings.demo(), settings.demo() ? List.of() : demoAccountsWithDemoPassword()),
                ProductionGuards.developmentKeyTrusted(
                    settings.demo(),
                    pluginHost.trustsDevelopmentKey(),
                    settings.acceptDevelopmentPluginKey()))));
    if (!settings.demo() && settings.tokenKeySecret().isEmpty()) {
      LOG.warning(
          "rokhsa.auth.token-key-secret is not set: the token signing key is stored in clear in"
              + " the database. Set it (ROKHSA_AUTH_TOKEN_KEY_SECRET) in production.");
    }
    if (settings.initialAdminPassword().isPresent() && !adminCreated) {
      LOG.warning(
          "rokhsa.admin.initial-password is set but the national admin exists: remove the"
              + " setting, it only creates the first national admin of a new installation.");
    }
    List<String> demoAccounts = settings.demo() ? demo.ensureAccounts() : List.of();
    if (settings.demo()) {
      // Created (or opened) now, not by whichever request first reaches /api/public/dev-ca.
      devCa.get().authority();
    }
    List<String> plugins = pluginHost.start();
    // The first sign-in must not be the one that creates the token signing key.
    tokenKeys.signing();
    outboxDispatcher.start();
    legalClock.start();
    auditVerification.start();
    contentCollection.start();
    // Opens (or rebuilds) the index in the background: search answers 503 until it is complete.
    search.start();
    signals = StopSignals.install(this::stopOnSignal);
    lifecycle.serving();
    LOG.info(banner(installation, tenants, plugins, demoAccounts));
  }

  private List<String> demoAccountsWithDemoPassword() {
    java.util.Set<String> found =
        new java.util.TreeSet<>(
            accounts.withPassword(DemoData.usernames(), settings.demoPassword()));
    if (!settings.demoPassword().equals(DemoData.SHIPPED_DEMO_PASSWORD)) {
      found.addAll(accounts.withPassword(DemoData.usernames(), DemoData.SHIPPED_DEMO_PASSWORD));
    }
    return List.copyOf(found);
  }

  private List<String> nationalAdminNames() {
    return accounts.nationalAdmins().stream().map(a -> a.username()).toList();
  }

  /** Refuses to start: the deployment fails with the message, first in the log. */
  private static void refuseIf(java.util.Optional<String> refusal) {
    if (refusal.isPresent()) {
      LOG.severe(refusal.get());
      throw new IllegalStateException(refusal.get());
    }
  }

  /**
   * SIGTERM or SIGINT (Ctrl-C): stop taking requests, let those in flight finish (at most {@code
   * rokhsa.shutdown.drain-timeout}), stop the scheduled jobs, then exit, which undeploys the
   * application through Payara's shutdown hook. A second signal exits at once. Runs on the JVM's
   * signal thread.
   */
  private void stopOnSignal(int signal) {
    int exitCode = 128 + signal;
    if (!stopping.compareAndSet(false, true)) {
      System.exit(exitCode);
      return;
    }
    Duration bound = settings.drainTimeout();
    LOG.info(
        () ->
            "Stopping (signal "
                + signal
                + "): no new requests, "
                + lifecycle.inFlight()
                + " in flight, waiting at most "
                + bound);
    int unfinished = lifecycle.drain(bound);
    if (unfinished > 0) {
      LOG.warning(unfinished + " request(s) still in flight after " + bound + "; stopping anyway");
    }
    legalClock.stop();
    auditVerification.stop();
    contentCollection.stop();
    outboxDispatcher.stop();
    search.stop();
    LOG.info("Requests drained and scheduled jobs stopped; undeploying.");
    System.exit(exitCode);
  }

  @PreDestroy
  void stop() {
    if (signals != null) {
      signals.restore();
    }
    legalClock.stop();
    auditVerification.stop();
    contentCollection.stop();
    search.stop();
    // On SIGTERM the JVM's own shutdown hook resets java.util.logging before Payara undeploys
    // applications, so a logged line would be lost: write the last word straight to stderr.
    System.err.println("Rokhsa stopped.");
  }

  private Installation installation() {
    try {
      return platform.installation();
    } catch (RuntimeException lostRace) {
      // Another node created the installation at the same moment: read the one it stored.
      return platform.installation();
    }
  }

  private String banner(
      Installation installation,
      TenantConfigReport tenants,
      List<String> plugins,
      List<String> demoAccounts) {
    String url = settings.publicUrl().toString();
    List<String> lines =
        new ArrayList<>(
            List.of(
                "",
                "  Rokhsa " + platform.build().version() + " is ready.",
                "    Listening at   " + url,
                "    API (OpenAPI)  " + url + "openapi   ·  explore it at " + url + "swagger-ui/",
                "    Health         " + url + "health/ready",
                "    Installation   " + installation.id(),
                "    Tenants        " + tenants.tenants() + " from " + settings.tenantConfigDir(),
                "    Data           " + settings.dataDir(),
                "    Plugins        " + plugins.size() + " from " + settings.pluginsDir(),
                "    Sign in        POST "
                    + url
                    + "api/auth/token {\"username\": …, \"password\": …}"));
    lines.add("  Plugins:");
    plugins.forEach(plugin -> lines.add("    " + plugin));
    if (!demoAccounts.isEmpty()) {
      lines.add(
          "  DEMO MODE — never in production. Demo accounts, password: " + settings.demoPassword());
      demoAccounts.forEach(account -> lines.add("    " + account));
    }
    lines.add("  Stop with Ctrl-C.");
    lines.add("");
    return String.join(System.lineSeparator(), lines);
  }
}
