package ma.rokhsa.infrastructure.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.application.ProcedureCatalog.OfferedProcedure;
import ma.rokhsa.application.ProcedureCatalog.PluginStatus;
import ma.rokhsa.domain.RuleViolation;
import ma.rokhsa.domain.model.dossier.DossierCensus;
import ma.rokhsa.infrastructure.Throwables;
import org.pf4j.PluginWrapper;

/**
 * Changes to the plugins a node runs, kept in the database so that every node applies them:
 * install, upgrade (the old version put back if the new one does not start; kept beside it while
 * dossiers in flight follow its procedures), enable, disable and remove — through the admin API,
 * and as {@link PluginNodeSync} applies another node's change. Also, at start, writes the installed
 * zips from the database to this node's disk and loads the earlier versions kept for dossiers in
 * flight.
 *
 * <p>Remembers the database's plugin state as this node last applied it ({@link #applied()}), so
 * that {@link PluginNodeSync} applies only what differs. Holds no resource of its own (the loaded
 * plugins are the {@link PluginCatalog}'s); not thread-safe: {@link PluginHost} calls it under one
 * lock.
 *
 * <pre>{@code
 * PluginInstaller installer = new PluginInstaller(store, census, trust, catalog, store.state());
 * installer.writeInstalledArchives(); // before catalog.loadAll(…)
 * installer.install(zip, signature, "admin");
 * }</pre>
 */
final class PluginInstaller {

  private static final Logger LOG = Logger.getLogger(PluginInstaller.class.getName());

  private final PluginStore store;
  private final DossierCensus census;
  private final PluginTrust trust;
  private final PluginCatalog catalog;

  /** The database's plugin state as this node last applied it. */
  private PluginStore.State applied;

  /**
   * @param applied the database's plugin state read before the plugins load: a change made while
   *     they load differs from it, and is picked up next
   */
  PluginInstaller(
      PluginStore store,
      DossierCensus census,
      PluginTrust trust,
      PluginCatalog catalog,
      PluginStore.State applied) {
    this.store = store;
    this.census = census;
    this.trust = trust;
    this.catalog = catalog;
    this.applied = applied;
  }

  PluginStore.State applied() {
    return applied;
  }

  /** Records that this node now runs what the database says in {@code state}. */
  void applied(PluginStore.State state) {
    this.applied = state;
  }

  // --- at start ------------------------------------------------------------------------------

  /**
   * The zips installed through the API whose signature verifies, from the database to this node's
   * disk; the others are refused, and no shipped zip of the same plugin stands in for them.
   */
  void writeInstalledArchives() {
    Path installed = catalog.installedDir();
    try {
      Files.createDirectories(installed);
      Set<String> accepted = new HashSet<>();
      for (PluginStore.Archive archive : store.archives()) {
        if (!PluginArchives.isValidId(archive.pluginId)) {
          catalog.refuse(
              archive.pluginId, archive.version, "installed zip refused: not a valid plugin id");
          continue;
        }
        Optional<String> refusal = trust.refusal(archive.content, archive.signature);
        if (refusal.isPresent()) {
          catalog.refuse(
              archive.pluginId, archive.version, "installed zip refused: " + refusal.get());
          continue;
        }
        Path file = installed.resolve(archive.pluginId + ".zip");
        if (!Files.isRegularFile(file)
            || !ExtractingZipRepository.sha256(file).equals(sha256(archive.content))) {
          Files.write(file, archive.content);
        }
        accepted.add(archive.pluginId);
      }
      catalog.repository().forgetInstalledExcept(accepted);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the installed plugins under " + installed, e);
    }
  }

  /** Loads the kept earlier versions still needed by dossiers in flight; drops the others. */
  void loadRetainedVersions() {
    Map<DossierCensus.ProcedureVersion, Long> open = census.openByProcedureVersion();
    for (PluginStore.Retained r : store.retained()) {
      String alias = RetainedVersions.alias(r.pluginId, r.version);
      Optional<String> refusal = trust.refusal(r.content, r.signature);
      if (refusal.isPresent()) {
        LOG.severe(() -> "Kept version " + alias + " refused: " + refusal.get());
        continue;
      }
      try {
        catalog.loadRetained(r.pluginId, r.version, r.content);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Kept version " + alias + " cannot be loaded", e);
        continue;
      }
      boolean needed =
          catalog.retainedProcedureIds(alias).stream()
              .anyMatch(key -> open.getOrDefault(versionOf(key), 0L) > 0);
      if (!needed) {
        catalog.unloadRetained(alias);
        store.dropRetained(r.pluginId, r.version);
        LOG.info(() -> "Dropped kept version " + alias + ": no dossier in flight needs it");
      }
    }
  }

  private static DossierCensus.ProcedureVersion versionOf(String idAtVersion) {
    int at = idAtVersion.lastIndexOf('@');
    return new DossierCensus.ProcedureVersion(
        idAtVersion.substring(0, at), idAtVersion.substring(at + 1));
  }

  // --- through the admin API -----------------------------------------------------------------

  PluginStatus install(byte[] zip, byte[] signature, String actor) {
    trust.check(zip, signature);
    Properties descriptor = readDescriptor(zip);
    String id = descriptor.getProperty("plugin.id");
    if (catalog.plugin(id).isPresent()) {
      throw new RuleViolation(
          "plugin " + id + " is already installed: upgrade it instead", List.of("upgrade"));
    }
    catalog.load(id, zip);
    catalog.forgetRefusal(id);
    store.storeArchive(
        id, descriptor.getProperty("plugin.version"), sha256(zip), zip, signature, actor);
    applied = applied.withArchive(id, sha256(zip));
    LOG.info(
        () -> actor + " installed plugin " + id + " " + descriptor.getProperty("plugin.version"));
    return activate(id);
  }

  PluginStatus upgrade(
      String id, byte[] zip, byte[] signature, boolean acceptSignerChange, String actor) {
    PluginWrapper current = existing(id);
    trust.check(zip, signature);
    Properties descriptor = readDescriptor(zip);
    String newVersion = descriptor.getProperty("plugin.version");
    if (!id.equals(descriptor.getProperty("plugin.id"))) {
      throw new RuleViolation(
          "this zip is plugin " + descriptor.getProperty("plugin.id") + ", not " + id);
    }
    Optional<String> signerChange = signerChange(id, signature);
    if (signerChange.isPresent() && !acceptSignerChange) {
      throw new RuleViolation(
          signerChange.get()
              + ": an upgrade must come from the vendor of the version it replaces. An operator"
              + " who expects the change (a vendor's new certificate, a plugin taken over) says"
              + " so with acceptSignerChange=true",
          List.of("acceptSignerChange"));
    }
    signerChange.ifPresent(
        change ->
            LOG.warning(() -> actor + " accepted a new signer for plugin " + id + ": " + change));
    String oldVersion = current.getDescriptor().getVersion();
    if (catalog.compareVersions(newVersion, oldVersion) <= 0) {
      throw new RuleViolation(
          "version " + newVersion + " is not newer than the installed " + oldVersion);
    }
    Optional<byte[]> previous = store.archive(id).map(a -> a.content);
    Map<DossierCensus.ProcedureVersion, Long> used = inFlight(id);
    Optional<SignedZip> oldZip = used.isEmpty() ? Optional.empty() : currentZip(id);
    if (!used.isEmpty() && oldZip.isEmpty()) {
      throw new RuleViolation(
          "dossiers in flight follow "
              + used
              + " and version "
              + oldVersion
              + " cannot be kept for them: upgrade refused");
    }
    catalog.unload(id);
    try {
      catalog.load(id, zip);
      PluginStatus status = activate(id);
      if (!"STARTED".equals(status.state())) {
        throw new IllegalStateException(status.reason());
      }
      try {
        oldZip.ifPresent(old -> keepPrevious(id, oldVersion, old, used));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "dossiers in flight follow "
                + used
                + " and version "
                + oldVersion
                + " cannot be kept for them ("
                + Throwables.rootMessage(e)
                + ")",
            e);
      }
      store.storeArchive(id, newVersion, sha256(zip), zip, signature, actor);
      applied = applied.withArchive(id, sha256(zip));
      LOG.info(
          () -> actor + " upgraded plugin " + id + " from " + oldVersion + " to " + newVersion);
      return status;
    } catch (RuntimeException failed) {
      String reason =
          failed instanceof RuleViolation ? failed.getMessage() : Throwables.rootMessage(failed);
      if (catalog.plugin(id).isPresent()) {
        catalog.unload(id);
      }
      restore(id, previous);
      throw new RuleViolation(
          "version "
              + newVersion
              + " of "
              + id
              + " could not be started ("
              + reason
              + "); version "
              + oldVersion
              + " is back in service");
    }
  }

  PluginStatus enable(String id, String actor) {
    existing(id);
    store.setEnabled(id, true, actor);
    applied = applied.withEnabled(id, true);
    return activate(id);
  }

  PluginStatus disable(String id, String actor) {
    existing(id);
    store.setEnabled(id, false, actor);
    applied = applied.withEnabled(id, false);
    catalog.deactivate(id, "disabled by " + actor);
    return catalog.status(id);
  }

  void remove(String id, String actor) {
    if (!catalog.knows(id)) {
      throw new NotFound("no plugin " + id);
    }
    Map<DossierCensus.ProcedureVersion, Long> used = inFlight(id);
    if (!used.isEmpty()) {
      throw new RuleViolation(
          "dossiers in flight follow " + used + ": plugin " + id + " cannot be removed",
          List.of("upgrade", "disable"));
    }
    if (store.archive(id).isEmpty()) {
      throw new RuleViolation(
          "plugin " + id + " is shipped with the platform: disable it instead", List.of("disable"));
    }
    store.removeArchive(id);
    applied = applied.withoutArchive(id);
    LOG.info(() -> actor + " removed plugin " + id);
    replaceWithShipped(id);
  }

  // --- as the database says (another node's change) ------------------------------------------

  /** Runs what the database holds for a plugin now: its installed zip, or the shipped one. */
  void applyArchive(String id) {
    Optional<PluginStore.Archive> archive = store.archive(id);
    if (archive.isEmpty()) {
      replaceWithShipped(id);
      return;
    }
    if (catalog.plugin(id).isPresent()) {
      catalog.unload(id);
    }
    catalog.forgetRefusal(id);
    Optional<String> refusal = trust.refusal(archive.get().content, archive.get().signature);
    if (refusal.isPresent()) {
      catalog.refuse(id, archive.get().version, "installed zip refused: " + refusal.get());
      return;
    }
    catalog.load(id, archive.get().content);
    activate(id);
  }

  /** Starts or stops a plugin as an admin enabled or disabled it through another node. */
  void applySetting(String id) {
    if (catalog.plugin(id).isEmpty()) {
      return; // not loaded here (refused, or not installed): nothing runs to start or stop
    }
    PluginStore.Setting setting = store.disabled().get(id);
    if (setting == null) {
      activate(id);
    } else {
      catalog.deactivate(id, PluginCatalog.disabledReason(setting));
    }
  }

  // --- steps ---------------------------------------------------------------------------------

  private PluginStatus activate(String id) {
    return catalog.activate(id, store.disabled());
  }

  /**
   * Unloads whatever this node runs of a plugin, then puts the shipped version of it, if any and
   * trusted, into service.
   */
  private void replaceWithShipped(String id) {
    if (catalog.plugin(id).isPresent()) {
      catalog.unload(id);
    }
    catalog.forgetRefusal(id);
    catalog.forgetReason(id);
    catalog
        .repository()
        .unpackedShipped(id)
        .ifPresent(
            path -> {
              catalog.loadPath(path);
              activate(id);
            });
  }

  /** After a failed upgrade: the version that ran before, installed or shipped. */
  private void restore(String id, Optional<byte[]> previous) {
    if (previous.isPresent()) {
      catalog.load(id, previous.get());
    } else {
      catalog.repository().unpackedShipped(id).ifPresent(catalog::loadPath);
    }
    activate(id);
  }

  private PluginWrapper existing(String id) {
    return catalog.plugin(id).orElseThrow(() -> new NotFound("no plugin " + id));
  }

  /** The procedure versions of a plugin's current version that dossiers in flight follow. */
  private Map<DossierCensus.ProcedureVersion, Long> inFlight(String pluginId) {
    Map<DossierCensus.ProcedureVersion, Long> open = census.openByProcedureVersion();
    Map<DossierCensus.ProcedureVersion, Long> used = new LinkedHashMap<>();
    for (OfferedProcedure p : catalog.proceduresOf(pluginId)) {
      var key = new DossierCensus.ProcedureVersion(p.definition().id(), p.definition().version());
      if (open.getOrDefault(key, 0L) > 0) {
        used.put(key, open.get(key));
      }
    }
    return used;
  }

  /** A plugin zip and its detached signature (none: accepted unsigned, in development). */
  private record SignedZip(byte[] zip, byte[] signature) {}

  /**
   * How the signer of an upgrade differs from the signer of the version it replaces, if it does.
   * Signers are compared by their certificate's subject, so a vendor's renewed certificate from the
   * same issuer is the same vendor; an unsigned version (development only) has no signer.
   */
  Optional<String> signerChange(String id, byte[] signature) {
    Optional<javax.security.auth.x500.X500Principal> now =
        currentZip(id).flatMap(current -> PluginSignatures.signerOf(current.signature()));
    Optional<javax.security.auth.x500.X500Principal> next = PluginSignatures.signerOf(signature);
    return now.equals(next)
        ? Optional.empty()
        : Optional.of(
            "the new version is signed by "
                + next.map(Object::toString).orElse("no one")
                + ", the installed version by "
                + now.map(Object::toString).orElse("no one"));
  }

  /** The zip of a plugin's current version: installed through the API, or shipped. */
  private Optional<SignedZip> currentZip(String id) {
    Optional<PluginStore.Archive> installed = store.archive(id);
    if (installed.isPresent()) {
      return Optional.of(new SignedZip(installed.get().content, installed.get().signature));
    }
    return catalog
        .repository()
        .shippedZip(id)
        .map(
            zip -> {
              try {
                Path p7s = zip.resolveSibling(zip.getFileName() + ".p7s");
                return new SignedZip(
                    Files.readAllBytes(zip),
                    Files.isRegularFile(p7s) ? Files.readAllBytes(p7s) : null);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /**
   * After an upgrade: keeps the previous version for the dossiers in flight under procedure
   * versions the new one no longer offers.
   *
   * @throws IllegalStateException if it cannot be kept
   */
  private void keepPrevious(
      String id,
      String oldVersion,
      SignedZip oldZip,
      Map<DossierCensus.ProcedureVersion, Long> used) {
    boolean stillOffered =
        used.keySet().stream()
            .allMatch(
                v ->
                    catalog
                        .procedure(v.procedureId())
                        .filter(p -> p.definition().version().equals(v.version()))
                        .isPresent());
    if (used.isEmpty() || stillOffered) {
      return;
    }
    catalog.loadRetained(id, oldVersion, oldZip.zip());
    store.retain(id, oldVersion, sha256(oldZip.zip()), oldZip.zip(), oldZip.signature());
  }

  private static Properties readDescriptor(byte[] zip) {
    return PluginArchives.inspect(zip);
  }

  private static String sha256(byte[] zip) {
    try {
      return ExtractingZipRepository.sha256(new ByteArrayInputStream(zip));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
