package ma.rokhsa.infrastructure.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The plugins installed through the admin API, and which plugins an admin disabled. */
@ApplicationScoped
@Transactional
public class PluginStore {

  @PersistenceContext(unitName = "rokhsa")
  EntityManager em;

  /** An installed plugin's zip. */
  @Entity(name = "PluginArchive")
  @Table(name = "plugin_archive")
  public static class Archive {
    @Id
    @Column(name = "plugin_id", length = 100)
    String pluginId;

    @Column(name = "version", nullable = false, length = 50)
    String version;

    @Column(name = "sha256", nullable = false, length = 64)
    String sha256;

    @Column(name = "content", nullable = false)
    byte[] content;

    /** The zip's detached CMS signature (DER); null if it was installed unsigned. */
    @Column(name = "signature")
    byte[] signature;

    @Column(name = "installed_by", nullable = false, length = 100)
    String installedBy;

    @Column(name = "installed_at", nullable = false)
    OffsetDateTime installedAt;
  }

  /** An earlier version of a plugin, kept for the dossiers deposited under it. */
  @Entity(name = "RetainedPlugin")
  @Table(name = "plugin_retained")
  @jakarta.persistence.IdClass(RetainedKey.class)
  public static class Retained {
    @Id
    @Column(name = "plugin_id", length = 100)
    String pluginId;

    @Id
    @Column(name = "version", length = 50)
    String version;

    @Column(name = "sha256", nullable = false, length = 64)
    String sha256;

    @Column(name = "content", nullable = false)
    byte[] content;

    /** Its detached CMS signature, verified again whenever it is loaded. */
    @Column(name = "signature")
    byte[] signature;

    @Column(name = "retained_at", nullable = false)
    OffsetDateTime retainedAt;
  }

  /** The key of a retained version. */
  public static class RetainedKey implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    String pluginId;
    String version;

    public RetainedKey() {}

    RetainedKey(String pluginId, String version) {
      this.pluginId = pluginId;
      this.version = version;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RetainedKey k
          && java.util.Objects.equals(k.pluginId, pluginId)
          && java.util.Objects.equals(k.version, version);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(pluginId, version);
    }
  }

  public List<Retained> retained() {
    return em.createQuery(
            "select r from RetainedPlugin r order by r.pluginId, r.version", Retained.class)
        .getResultList();
  }

  /** Keeps a version's zip (once). */
  public void retain(
      String pluginId, String version, String sha256, byte[] content, byte[] signature) {
    if (em.find(Retained.class, new RetainedKey(pluginId, version)) != null) {
      return;
    }
    Retained r = new Retained();
    r.pluginId = pluginId;
    r.version = version;
    r.sha256 = sha256;
    r.content = content.clone();
    r.signature = signature == null ? null : signature.clone();
    r.retainedAt = OffsetDateTime.now(ZoneOffset.UTC);
    em.persist(r);
  }

  public void dropRetained(String pluginId, String version) {
    Retained r = em.find(Retained.class, new RetainedKey(pluginId, version));
    if (r != null) {
      em.remove(r);
    }
  }

  /** Whether an admin enabled or disabled a plugin. */
  @Entity(name = "PluginSetting")
  @Table(name = "plugin_setting")
  public static class Setting {
    @Id
    @Column(name = "plugin_id", length = 100)
    String pluginId;

    @Column(name = "enabled", nullable = false)
    boolean enabled;

    @Column(name = "changed_by", nullable = false, length = 100)
    String changedBy;

    @Column(name = "changed_at", nullable = false)
    OffsetDateTime changedAt;

    /**
     * Changes the setting. Through a method of the entity: EclipseLink's woven change tracking does
     * not see fields written from another class.
     */
    void change(boolean enabled, String actor) {
      this.enabled = enabled;
      this.changedBy = actor;
      this.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
  }

  public List<Archive> archives() {
    return em.createQuery("select a from PluginArchive a order by a.pluginId", Archive.class)
        .getResultList();
  }

  public Optional<Archive> archive(String pluginId) {
    return Optional.ofNullable(em.find(Archive.class, pluginId));
  }

  public void storeArchive(
      String pluginId,
      String version,
      String sha256,
      byte[] content,
      byte[] signature,
      String actor) {
    // Replaced whole: EclipseLink's woven change tracking does not see fields written from here.
    Archive existing = em.find(Archive.class, pluginId);
    if (existing != null) {
      em.remove(existing);
      em.flush();
    }
    Archive archive = new Archive();
    archive.pluginId = pluginId;
    archive.version = version;
    archive.sha256 = sha256;
    archive.content = content.clone();
    archive.signature = signature == null || signature.length == 0 ? null : signature.clone();
    archive.installedBy = actor;
    archive.installedAt = OffsetDateTime.now(ZoneOffset.UTC);
    em.persist(archive);
  }

  /**
   * What a node must have applied to be up to date: each installed zip's SHA-256 and the disabled
   * plugins. Read without the zips themselves, so that nodes can compare it often.
   */
  public State state() {
    Map<String, String> archives = new TreeMap<>();
    for (Object[] row :
        em.createQuery("select a.pluginId, a.sha256 from PluginArchive a", Object[].class)
            .getResultList()) {
      archives.put((String) row[0], (String) row[1]);
    }
    Set<String> disabled =
        new TreeSet<>(
            em.createQuery(
                    "select s.pluginId from PluginSetting s where s.enabled = false", String.class)
                .getResultList());
    return new State(archives, disabled);
  }

  /**
   * The plugin state kept in the database, as a node last applied it.
   *
   * @param archives the SHA-256 of each installed zip, by plugin id
   * @param disabled the plugins an admin disabled
   */
  public record State(Map<String, String> archives, Set<String> disabled) {
    public State {
      archives = Map.copyOf(archives);
      disabled = Set.copyOf(disabled);
    }

    public State withArchive(String pluginId, String sha256) {
      Map<String, String> changed = new HashMap<>(archives);
      changed.put(pluginId, sha256);
      return new State(changed, disabled);
    }

    public State withoutArchive(String pluginId) {
      Map<String, String> changed = new HashMap<>(archives);
      changed.remove(pluginId);
      return new State(changed, disabled);
    }

    public State withEnabled(String pluginId, boolean enabled) {
      Set<String> changed = new HashSet<>(disabled);
      if (enabled) {
        changed.remove(pluginId);
      } else {
        changed.add(pluginId);
      }
      return new State(archives, changed);
    }
  }

  public void removeArchive(String pluginId) {
    Archive archive = em.find(Archive.class, pluginId);
    if (archive != null) {
      em.remove(archive);
    }
  }

  /** The plugins disabled by an admin, with who and when. */
  public Map<String, Setting> disabled() {
    return em.createQuery("select s from PluginSetting s where s.enabled = false", Setting.class)
        .getResultStream()
        .collect(Collectors.toMap(s -> s.pluginId, s -> s));
  }

  public void setEnabled(String pluginId, boolean enabled, String actor) {
    Setting setting = em.find(Setting.class, pluginId);
    if (setting == null) {
      setting = new Setting();
      setting.pluginId = pluginId;
      setting.change(enabled, actor);
      em.persist(setting);
    } else {
      setting.change(enabled, actor);
    }
  }
}
