package ma.rokhsa.infrastructure.signing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;

/** An RFC 3161 TSA over HTTP (RFC 3161 §3.4): {@code application/timestamp-query} POSTed. */
public final class HttpTimeStampClient implements TimeStampClient {

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;

  public HttpTimeStampClient(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public TimeStampResponse timestamp(TimeStampRequest request) throws IOException {
    HttpRequest post =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/timestamp-query")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
            .build();
    try {
      HttpResponse<byte[]> response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException("the TSA " + url + " answered HTTP " + response.statusCode());
      }
      return new TimeStampResponse(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the TSA " + url, e);
    } catch (TSPException e) {
      throw new IOException("the TSA " + url + " answered something else than a time stamp", e);
    }
  }
}
