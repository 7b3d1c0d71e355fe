package ma.rokhsa.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for black-box tests: plain JDK HttpClient, JSON read with Jackson. */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String bearer;

  public Http(URI base) {
    this(base, null);
  }

  private Http(URI base, String bearer) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.bearer = bearer;
  }

  /** The same client, sending {@code Authorization: Bearer <token>} with every request. */
  public Http as(String token) {
    return new Http(base, token);
  }

  /** Signs in with a password and returns a client that carries the token. */
  public Http signIn(String username, String password) {
    Response response =
        send(
            "POST",
            "api/auth/token",
            "application/json",
            "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
    if (response.status() != 200) {
      throw new AssertionError("sign-in of " + username + " failed: " + response);
    }
    return as(response.json().path("accessToken").asText());
  }

  public Response post(String path, String json) {
    return send("POST", path, "application/json", json);
  }

  public URI base() {
    return base;
  }

  public Response get(String path) {
    return send(request(path).GET().build());
  }

  public Response send(String method, String path, String contentType, String body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return request;
  }

  public Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a request and keeps the response's body as bytes (PDFs, downloads). */
  public HttpResponse<byte[]> sendBytes(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts one file as the part {@code file} of a multipart/form-data body. */
  public Response upload(String path, String fileName, byte[] content) {
    String boundary = "rokhsa-" + java.util.UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail =
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail)))
            .build());
  }

  /** A response, with its body at hand as text or JSON. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status() + "): " + raw.body(), e);
      }
    }

    @Override
    public String toString() {
      return status() + " " + contentType() + " " + raw.body();
    }
  }
}
