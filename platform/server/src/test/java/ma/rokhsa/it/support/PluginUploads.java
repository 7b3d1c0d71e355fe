package ma.rokhsa.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

/** Uploads plugin zips through the admin API, signed by a vendor the server under test trusts. */
public final class PluginUploads {

  private PluginUploads() {}

  /** {@code PUT api/admin/plugins/<id>} with the zip, signed. */
  public static Http.Response upgrade(Http admin, String id, Path zip) {
    try {
      return admin.send(
          admin
              .request("api/admin/plugins/" + id)
              .header("Content-Type", "application/zip")
              .header("Plugin-Signature", TrustedSigner.sign(zip))
              .PUT(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(zip)))
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
