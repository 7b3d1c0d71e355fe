package ma.rokhsa.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyGuardTest {

  @Test
  void findsTheEscapeOfNulWhereverItIsAndOnlyThere() {
    assertThat(JsonBodyGuard.escapesNul("{\"username\": \"\\u0000\\u0007\"}")).isTrue();
    assertThat(JsonBodyGuard.escapesNul("[\"ok\", \"x\\u0000\"]")).isTrue();
    assertThat(JsonBodyGuard.escapesNul("{\"a\": \"\\\\u0000\"}"))
        .as("an escaped backslash followed by the text u0000")
        .isFalse();
    assertThat(JsonBodyGuard.escapesNul("{\"a\": \"\\u00e9 \\\" \\u0041\"}")).isFalse();
    assertThat(JsonBodyGuard.escapesNul("{\"a\": \"ends with \\")).isFalse();
  }

  @Test
  void acceptsUtf8IncludingArabic() {
    assertThat(
            JsonBodyGuard.firstInvalidUtf8(
                "{\"name\": \"رخصة é 😀\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(-1);
  }

  @Test
  void refusesBrokenSequencesOverlongFormsAndSurrogates() {
    byte[][] broken = {
      {'"', (byte) 0xC3, 0x28, '"'},
      {(byte) 0xFF},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {'a', (byte) 0xE2, (byte) 0x82}
    };
    for (byte[] body : broken) {
      assertThat(JsonBodyGuard.firstInvalidUtf8(body))
          .as(java.util.Arrays.toString(body))
          .isGreaterThanOrEqualTo(0);
    }
    assertThat(JsonBodyGuard.firstInvalidUtf8(broken[0])).isEqualTo(1);
  }

  @Test
  void guardsJsonMediaTypesOnly() {
    assertThat(JsonBodyGuard.isJson(MediaType.APPLICATION_JSON_TYPE)).isTrue();
    assertThat(JsonBodyGuard.isJson(new MediaType("application", "merge-patch+json"))).isTrue();
    assertThat(JsonBodyGuard.isJson(MediaType.MULTIPART_FORM_DATA_TYPE)).isFalse();
    assertThat(JsonBodyGuard.isJson(MediaType.APPLICATION_OCTET_STREAM_TYPE)).isFalse();
    assertThat(JsonBodyGuard.isJson(null)).isFalse();
  }
}
