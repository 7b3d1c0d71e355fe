package ma.rokhsa.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import ma.rokhsa.tools.pluginsigner.PluginSigner;

/**
 * Signs plugin zips with the development key that the servers under test trust (the one the build
 * signs the shipped plugins with, {@code plugins/src/dev-signing/}).
 */
public final class TrustedSigner {

  private TrustedSigner() {}

  /** The detached signature of the zip, base64, for the {@code Plugin-Signature} header. */
  public static String sign(Path zip) {
    Path keys =
        Path.of(
            System.getProperty(
                "rokhsa.dev-signing",
                System.getProperty("rokhsa.root", "../..") + "/plugins/src/dev-signing"));
    try {
      PluginSigner signer =
          PluginSigner.fromPem(
              keys.resolve("dev-signing-key.pem"), keys.resolve("dev-signing-cert.pem"));
      return Base64.getEncoder().encodeToString(signer.sign(Files.readAllBytes(zip)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
