package ma.rokhsa.infrastructure.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import ma.rokhsa.domain.model.document.ContentStore;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/**
 * Makes the platform's {@link ContentStore} from the settings ({@code rokhsa.storage.kind}, {@code
 * rokhsa.storage.dir}), once, when the application starts: a directory that cannot hold the store
 * fails the deployment with the reason, not the first upload.
 */
@ApplicationScoped
public class ContentStores {

  private static final Logger LOG = Logger.getLogger(ContentStores.class.getName());

  /** Temporary files older than this at startup were left by a crash: no put lasts that long. */
  private static final Duration ABANDONED = Duration.ofHours(6);

  @Produces
  @ApplicationScoped
  ContentStore contentStore(RokhsaSettings settings) {
    FileSystemContentStore store = new FileSystemContentStore(root(settings));
    store.probe();
    try {
      int restored = store.restoreCollected();
      if (restored > 0) {
        LOG.info(
            () -> "content store: put back " + restored + " contents a collection had set aside");
      }
      int swept = store.sweepTemporaryFiles(Instant.now().minus(ABANDONED));
      if (swept > 0) {
        LOG.info(() -> "content store: deleted " + swept + " abandoned temporary files");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the temporary files of " + store.root(), e);
    }
    LOG.info(() -> "content store (" + settings.storageKind() + ") in " + store.root());
    return store;
  }

  /** The store's directory: named for a shared store, under the data directory by default. */
  public static Path root(RokhsaSettings settings) {
    if (settings.storageKind().equals("shared")) {
      return settings
          .storageDir()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "rokhsa.storage.kind=shared needs rokhsa.storage.dir: the directory that"
                          + " every node mounts at the same path"));
    }
    return settings.storageDir().orElse(settings.dataDir().resolve("content"));
  }

  /** Creates the store when the application starts rather than on the first upload. */
  void atStartup(@Observes @Initialized(ApplicationScoped.class) Object event, ContentStore store) {
    // The injected store is a client proxy: calling it creates (and probes) the store.
    store.contains("");
  }
}
