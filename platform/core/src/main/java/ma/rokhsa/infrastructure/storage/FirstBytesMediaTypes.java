package ma.rokhsa.infrastructure.storage;

import jakarta.enterprise.context.ApplicationScoped;

/** The domain's media-type detector, by the first bytes only (Apache Tika's magic numbers). */
@ApplicationScoped
public class FirstBytesMediaTypes implements ma.rokhsa.domain.model.document.MediaTypeDetector {

  private final MediaTypeDetector tika = new MediaTypeDetector();

  @Override
  public String detect(byte[] head) {
    return tika.detect(head, head.length);
  }
}
