package ma.rokhsa.infrastructure.signing;

import java.io.IOException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * An RFC 3161 time-stamping authority: over HTTP in production ({@link HttpTimeStampClient}, the
 * configured {@code rokhsa.signing.tsa.url}), in process for the development CA.
 */
public interface TimeStampClient {

  /** The authority's answer to {@code request}, granted or not (the caller checks). */
  TimeStampResponse timestamp(TimeStampRequest request) throws IOException;
}
