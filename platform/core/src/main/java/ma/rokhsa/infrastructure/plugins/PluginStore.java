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
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  public void retain(String pluginId, String version, String sha256, byte[] content) {
    if (em.find(Retained.class, new RetainedKey(pluginId, version)) != null) {
      return;
    }
    Retained r = new Retained();
    r.pluginId = pluginId;
    r.version = version;
    r.sha256 = sha256;
    r.content = content.clone();
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
      String pluginId, String version, String sha256, byte[] content, String actor) {
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
    archive.installedBy = actor;
    archive.installedAt = OffsetDateTime.now(ZoneOffset.UTC);
    em.persist(archive);
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
