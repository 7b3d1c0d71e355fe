package ma.rokhsa.application;

/**
 * An upload refused because its account has used its upload quota ({@code
 * rokhsa.storage.quota-per-account-mib}). Nothing of it was kept. Interfaces answer 413 with the
 * type {@code upload-quota-exceeded}.
 */
public class UploadQuotaExceeded extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long quota;

  public UploadQuotaExceeded(long quota, long used) {
    super(
        "this account has uploaded "
            + mib(used)
            + " MiB of its "
            + mib(quota)
            + " MiB quota: the file does not fit. Replace or remove files of drafts, or ask the"
            + " commune's administration");
    this.quota = quota;
  }

  /** The quota, in bytes. */
  public long quota() {
    return quota;
  }

  private static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }
}
