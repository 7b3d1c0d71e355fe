package ma.rokhsa.infrastructure.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Test helpers on signed files: tampering, and what external validators are given. */
final class SignedFiles {

  private SignedFiles() {}

  /**
   * The file with one byte changed in the middle of what every signature covers (inside the
   * document's first revision, out of every {@code /Contents}).
   */
  static byte[] oneByteChanged(byte[] pdf) {
    byte[] tampered = Arrays.copyOf(pdf, pdf.length);
    int at = SigningFixture.get().document.length / 2;
    tampered[at] ^= 0x01;
    return tampered;
  }

  /** Each signature's CMS (the first DER object of /Contents) and the bytes it covers. */
  record Extracted(byte[] cms, byte[] signedContent) {}

  static List<Extracted> extract(byte[] pdf) throws Exception {
    return SignedRevision.all(pdf).stream()
        .map(
            revision -> {
              try {
                return new Extracted(revision.cms.getEncoded("DER"), revision.signedContent);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }

  static Path write(Path directory, String name, byte[] content) throws IOException {
    Path file = directory.resolve(name);
    Files.write(file, content);
    return file;
  }
}
