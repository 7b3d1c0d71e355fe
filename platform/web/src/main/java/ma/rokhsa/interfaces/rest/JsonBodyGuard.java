package ma.rokhsa.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import ma.rokhsa.interfaces.rest.problem.MalformedBody;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every request body passes here before it is read. One whose Content-Type names no media type
 * ({@code *}{@code /*}) or a multipart one without its boundary is refused with 415. A JSON body
 * over {@code rokhsa.http.max-json-body} bytes is refused with 413, one that is not valid UTF-8
 * (RFC 8259 allows nothing else) with 400 {@code malformed-body} — the JSON reader would otherwise
 * replace the broken bytes silently and act on what it guessed. A JSON string holding the NUL
 * character (escaped as a backslash, then {@code u0000}) is refused with 400 too: no text the
 * platform keeps has one, and PostgreSQL cannot store it (H2 can), so it would otherwise fail deep
 * inside a transaction.
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

  /** 192 KiB: more than any form needs, less than the dossier's form values column holds. */
  static final int DEFAULT_MAX_BYTES = 192 * 1024;

  private final int maxBytes =
      ConfigProvider.getConfig()
          .getOptionalValue("rokhsa.http.max-json-body", Integer.class)
          .orElse(DEFAULT_MAX_BYTES);

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
      // "*/*" matches every @Consumes, then no reader can read it.
      throw new WebApplicationException(
          "The body's Content-Type must name its media type, not " + type + ".", 415);
    }
    if (type != null
        && type.getType().equalsIgnoreCase("multipart")
        && !type.getParameters().containsKey("boundary")) {
      throw new WebApplicationException(
          "A multipart body's Content-Type must give its boundary.", 415);
    }
    if (isJson(type)) {
      byte[] body = context.getInputStream().readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw new WebApplicationException(
            "The JSON body is larger than " + maxBytes + " bytes, its bound.", 413);
      }
      int broken = firstInvalidUtf8(body);
      if (broken >= 0) {
        throw new MalformedBody("The request body is not valid UTF-8 (at byte " + broken + ").");
      }
      if (escapesNul(new String(body, StandardCharsets.UTF_8))) {
        throw new MalformedBody(
            "The request body holds a NUL character (\\u0000), which no value may contain.");
      }
      context.setInputStream(new ByteArrayInputStream(body));
    }
    return context.proceed();
  }

  static boolean isJson(MediaType type) {
    return type != null
        && type.getType().equalsIgnoreCase("application")
        && (type.getSubtype().equalsIgnoreCase("json")
            || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  /**
   * Whether JSON text holds the escape of NUL (a backslash, then {@code u0000}). In JSON a
   * backslash appears only inside strings, as the start of an escape: walking escape by escape is
   * exact.
   */
  static boolean escapesNul(String json) {
    for (int i = json.indexOf('\\'); i >= 0 && i + 1 < json.length(); i = json.indexOf('\\', i)) {
      if (json.charAt(i + 1) == 'u' && json.regionMatches(true, i + 2, "0000", 0, 4)) {
        return true;
      }
      i += 2; // the escaped character, whatever it is (\\ included)
    }
    return false;
  }

  /**
   * Where the bytes stop being UTF-8 (a broken sequence, an overlong form, a lone surrogate), or -1
   * when they are.
   */
  static int firstInvalidUtf8(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(body);
    try {
      decoder.decode(bytes);
      return -1;
    } catch (CharacterCodingException e) {
      return bytes.position();
    }
  }
}
