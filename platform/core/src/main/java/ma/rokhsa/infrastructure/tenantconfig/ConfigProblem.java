package ma.rokhsa.infrastructure.tenantconfig;

/**
 * One thing wrong in {@code tenant-config/}.
 *
 * @param file the file, relative to the configuration directory
 * @param line 1-based line number, or 0 when the problem is the file as a whole
 * @param message what is wrong, and where useful what is expected
 */
public record ConfigProblem(String file, int line, String message) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
