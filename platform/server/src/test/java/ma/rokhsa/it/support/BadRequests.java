package ma.rokhsa.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Generates bad requests for the operations of an OpenAPI document (JSON): each request takes one
 * operation, fills its path and query parameters and its body with plausible values derived from
 * the declared schemas, then breaks one thing — a parameter, a field of the body, the body as a
 * whole, its media type or its encoding, or the URL's length. Everything comes from one seeded
 * {@link SplittableRandom}: the same seed and document give the same requests.
 *
 * <pre>{@code
 * BadRequests generator = new BadRequests(openApi, seed, name -> knownValues.get(name));
 * BadRequests.Request request = generator.next(operation);
 * }</pre>
 */
public final class BadRequests {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Odd path segments, already percent-encoded as they go on the wire. */
  static final List<String> ODD_SEGMENTS =
      List.of(
          "%00",
          "%5C",
          "a%5Cb",
          "..%5C..",
          "%2e%2e",
          "%25",
          "%C3%28",
          "%FF",
          "%F0%9F%98%80",
          "%D8%B1%D8%AE%D8%B5%D8%A9",
          "%20",
          "-1",
          "0",
          "99999999999999999999999",
          "1e99",
          "null",
          "true",
          "%3Cscript%3E",
          "%27%20OR%201%3D1",
          "a;b=c",
          "x".repeat(300),
          "7".repeat(5000));

  /** Odd values for query and header parameters, percent-encoded. */
  static final List<String> ODD_VALUES =
      List.of(
          "",
          "%20",
          "%00",
          "abc",
          "-1",
          "0",
          "1.5",
          "1e99",
          "99999999999999999999999",
          "maybe",
          "%C3%28",
          "%E2%80%AE",
          "x".repeat(3000),
          "%27",
          "2026-02-30",
          "null");

  private final JsonNode document;
  private final SplittableRandom random;
  private final Function<String, String> knownValue;

  /**
   * @param document the OpenAPI document, as JSON
   * @param seed fixes every choice
   * @param knownValue a valid value for a path parameter, by the segment before it and its name
   *     ({@code dossiers/{id}}): a tenant id, a dossier id…, or null when none is known (the
   *     generator then uses {@code 1})
   */
  public BadRequests(JsonNode document, long seed, Function<String, String> knownValue) {
    this.document = document;
    this.random = new SplittableRandom(seed);
    this.knownValue = knownValue;
  }

  /** An operation of the document. */
  public record Operation(String method, String path, JsonNode spec) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /**
   * A request to send.
   *
   * @param method the HTTP method
   * @param target the path and query, percent-encoded, relative to the server's root
   * @param contentType the Content-Type, or null when no body is sent
   * @param body the body's bytes (empty when none)
   * @param broken what was broken, for the failure report
   */
  public record Request(
      String method, String target, String contentType, byte[] body, String broken) {

    /** The request as a curl command line, to replay it by hand. */
    public String curl(String base, String authorization) {
      StringBuilder curl = new StringBuilder("curl -si -X ").append(method).append(" '");
      curl.append(base.replaceAll("/$", "")).append(target).append("'");
      if (authorization != null) {
        curl.append(" -H 'Authorization: ").append(authorization).append("'");
      }
      if (contentType != null) {
        curl.append(" -H 'Content-Type: ").append(contentType).append("'");
        curl.append(" --data-binary \"$(printf '").append(printfEscaped(body)).append("')\"");
      }
      return curl.toString();
    }

    private static String printfEscaped(byte[] bytes) {
      if (bytes.length > 2000) {
        return "<"
            + bytes.length
            + " bytes, begins: "
            + printfEscaped(java.util.Arrays.copyOf(bytes, 200))
            + ">";
      }
      StringBuilder out = new StringBuilder();
      for (byte b : bytes) {
        int c = b & 0xff;
        if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\' && c != '%' && c != '"') {
          out.append((char) c);
        } else {
          out.append(String.format("\\%03o", c));
        }
      }
      return out.toString();
    }
  }

  /** Every operation of the document, in a stable order. */
  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths =
            document.path("paths").properties().iterator();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : List.of("get", "post", "put", "patch", "delete")) {
        if (path.getValue().has(method)) {
          operations.add(
              new Operation(method.toUpperCase(), path.getKey(), path.getValue().get(method)));
        }
      }
    }
    operations.sort((a, b) -> (a.path() + " " + a.method()).compareTo(b.path() + " " + b.method()));
    return operations;
  }

  /** A new bad request for the operation. */
  public Request next(Operation operation) {
    Map<String, String> pathValues = new LinkedHashMap<>();
    Map<String, String> queryValues = new LinkedHashMap<>();
    List<JsonNode> pathParams = new ArrayList<>();
    List<JsonNode> queryParams = new ArrayList<>();
    for (JsonNode parameter : parameters(operation)) {
      String name = parameter.path("name").asText();
      switch (parameter.path("in").asText()) {
        case "path" -> {
          pathParams.add(parameter);
          String known = knownValue.apply(before(operation.path(), name) + "/{" + name + "}");
          pathValues.put(name, known == null ? "1" : known);
        }
        case "query" -> {
          queryParams.add(parameter);
          if (random.nextInt(3) == 0) {
            queryValues.put(name, plausibleParameter(parameter.path("schema")));
          }
        }
        default -> {}
      }
    }
    // Path variables the operation does not declare (a resource class's, such as {tenantId}).
    java.util.regex.Matcher variables =
        java.util.regex.Pattern.compile("\\{([^}/]+)\\}").matcher(operation.path());
    while (variables.find()) {
      String name = variables.group(1);
      if (!pathValues.containsKey(name)) {
        String known = knownValue.apply(before(operation.path(), name) + "/{" + name + "}");
        pathValues.put(name, known == null ? "1" : known);
        pathParams.add(NODES.objectNode().put("name", name).put("in", "path"));
      }
    }
    Map<String, JsonNode> bodies = bodies(operation);
    String contentType = bodies.isEmpty() ? null : bodies.keySet().iterator().next();
    JsonNode schema = contentType == null ? null : bodies.get(contentType);
    byte[] body = new byte[0];
    String broken;

    List<String> choices = new ArrayList<>();
    if (!pathParams.isEmpty()) {
      choices.add("path");
    }
    if (!queryParams.isEmpty()) {
      choices.add("query");
    }
    // An over-long URL is refused the same way everywhere: try it now and then, or when nothing
    // else of the operation can be broken.
    if (choices.isEmpty() || random.nextInt(8) == 0) {
      choices.add("url-length");
    }
    if (contentType != null && contentType.contains("json")) {
      // The body is where most of the input is: break it most often.
      for (int i = 0; i < 4; i++) {
        choices.add("field");
      }
      choices.add("whole-body");
      choices.add("media-type");
      choices.add("encoding");
      choices.add("size");
    } else if (contentType != null) {
      choices.add("media-type");
      choices.add("other-body");
    }
    String what = choices.get(random.nextInt(choices.size()));
    if (contentType != null && contentType.contains("json")) {
      body = bytes(plausible(schema, 0));
    } else if (contentType != null && contentType.startsWith("multipart/")) {
      contentType = "multipart/form-data; boundary=rokhsa-bad-input";
      body = multipart("plan.pdf", "%PDF-1.4 not really".getBytes(StandardCharsets.UTF_8));
    } else if (contentType != null) {
      body = "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1);
    }
    switch (what) {
      case "path" -> {
        JsonNode parameter = pathParams.get(random.nextInt(pathParams.size()));
        String odd = pick(ODD_SEGMENTS);
        pathValues.put(parameter.path("name").asText(), odd);
        broken = "path parameter " + parameter.path("name").asText() + " = " + abbreviate(odd);
      }
      case "query" -> {
        JsonNode parameter = queryParams.get(random.nextInt(queryParams.size()));
        String odd = pick(ODD_VALUES);
        queryValues.put(parameter.path("name").asText(), odd);
        broken = "query parameter " + parameter.path("name").asText() + " = " + abbreviate(odd);
      }
      case "url-length" -> {
        int length = random.nextBoolean() ? 8300 : 20_000 + random.nextInt(20_000);
        queryValues.put("padding", "p".repeat(length));
        broken = "URL of more than " + length + " characters";
      }
      case "field" -> {
        JsonNode instance = plausible(schema, 0);
        broken = breakOneField(instance, schema);
        body = bytes(instance);
      }
      case "whole-body" -> {
        String[] wholes = {
          "",
          "null",
          "[]",
          "\"text\"",
          "42",
          "{",
          "{\"a\":",
          "{}}",
          "{\"x\": tru}",
          "\u0000",
          "{'single': 'quotes'}",
          nested(3000),
          "[".repeat(100_000)
        };
        String whole = pick(List.of(wholes));
        body = whole.getBytes(StandardCharsets.UTF_8);
        broken = "body " + abbreviate(whole);
      }
      case "media-type" -> {
        String[] types = {
          "text/plain", "application/xml", "application/x-www-form-urlencoded",
          "application/octet-stream", "image/png", "application/json; charset=UTF-16",
          "multipart/form-data", "no-such/type", "application/json;;;"
        };
        contentType = pick(List.of(types));
        broken = "Content-Type " + contentType;
      }
      case "encoding" -> {
        body = invalidUtf8Inside(body);
        broken = "body not valid UTF-8";
      }
      case "size" -> {
        int size = 200 * 1024 + random.nextInt(2 * 1024 * 1024);
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.writeBytes("{\"padding\": \"".getBytes(StandardCharsets.UTF_8));
        big.writeBytes("x".repeat(size).getBytes(StandardCharsets.UTF_8));
        big.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        body = big.toByteArray();
        broken = "JSON body of " + body.length + " bytes";
      }
      case "other-body" -> {
        if (contentType.startsWith("multipart/")) {
          String name = random.nextBoolean() ? "x".repeat(1000) + ".pdf" : "..\\..\\etc\\passwd";
          body =
              random.nextBoolean()
                  ? multipart(name, new byte[0])
                  : "--rokhsa-bad-input\r\nbroken".getBytes(StandardCharsets.UTF_8);
          broken = "multipart body (file name " + abbreviate(name) + " or broken parts)";
        } else {
          body = new byte[] {0, 1, 2, 3};
          broken = "body of 4 odd bytes";
        }
      }
      default -> throw new IllegalStateException(what);
    }
    return new Request(
        operation.method(),
        target(operation.path(), pathValues, queryValues),
        contentType,
        body,
        broken);
  }

  // --- building plausible values --------------------------------------------------------------

  private List<JsonNode> parameters(Operation operation) {
    List<JsonNode> parameters = new ArrayList<>();
    operation.spec().path("parameters").forEach(p -> parameters.add(resolve(p)));
    return parameters;
  }

  private Map<String, JsonNode> bodies(Operation operation) {
    Map<String, JsonNode> bodies = new LinkedHashMap<>();
    resolve(operation.spec().path("requestBody"))
        .path("content")
        .properties()
        .forEach(e -> bodies.put(e.getKey(), resolve(e.getValue().path("schema"))));
    return bodies;
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode resolved = node;
    for (int i = 0; i < 10 && resolved.has("$ref"); i++) {
      String ref = resolved.path("$ref").asText();
      JsonNode target = document;
      for (String part : ref.replaceFirst("^#/", "").split("/")) {
        target = target.path(part);
      }
      resolved = target;
    }
    return resolved;
  }

  private String plausibleParameter(JsonNode schema) {
    JsonNode s = resolve(schema);
    if (s.has("enum")) {
      return s.path("enum").get(0).asText();
    }
    return switch (s.path("type").asText()) {
      case "integer", "number" -> "1";
      case "boolean" -> "true";
      default -> "date".equals(s.path("format").asText()) ? "2026-01-15" : "a";
    };
  }

  private JsonNode plausible(JsonNode schema, int depth) {
    JsonNode s = schema == null ? NODES.objectNode() : resolve(schema);
    if (s.has("allOf") && s.path("allOf").size() > 0) {
      s = resolve(s.path("allOf").get(0));
    }
    if (s.has("enum") && s.path("enum").size() > 0) {
      return s.path("enum").get(0);
    }
    String type = s.path("type").asText(s.has("properties") ? "object" : "");
    String format = s.path("format").asText();
    return switch (type) {
      case "string" ->
          switch (format) {
            case "date" -> NODES.textNode("2026-01-15");
            case "date-time" -> NODES.textNode("2026-01-15T10:00:00Z");
            case "email" -> NODES.textNode("bad.input@example.ma");
            default -> NODES.textNode("valeur-" + random.nextInt(1000));
          };
      case "integer" -> NODES.numberNode(1);
      case "number" -> NODES.numberNode(1.5);
      case "boolean" -> NODES.booleanNode(true);
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        if (depth < 4) {
          array.add(plausible(s.path("items"), depth + 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        if (depth < 4) {
          s.path("properties")
              .properties()
              .forEach(p -> object.set(p.getKey(), plausible(p.getValue(), depth + 1)));
        }
        yield object;
      }
    };
  }

  // --- breaking ------------------------------------------------------------------------------

  /** Breaks one field of the instance, chosen at random among all of them; says which and how. */
  private String breakOneField(JsonNode instance, JsonNode schema) {
    List<String[]> locations = new ArrayList<>();
    collect(instance, "", locations);
    if (locations.isEmpty() || !(instance instanceof ObjectNode)) {
      return "body " + instance;
    }
    String pointer = pick(locations)[0];
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = instance.at(pointer.substring(0, slash));
    String key = pointer.substring(slash + 1);
    JsonNode current = instance.at(pointer);
    JsonNode bad = badValue(current);
    if (parent instanceof ObjectNode object) {
      if (bad == null) {
        object.remove(key);
        return "field " + pointer + " removed";
      }
      object.set(key, bad);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(key), bad == null ? NODES.nullNode() : bad);
    }
    return "field " + pointer + " = " + abbreviate(String.valueOf(bad));
  }

  private void collect(JsonNode node, String pointer, List<String[]> out) {
    if (node instanceof ObjectNode object) {
      object
          .properties()
          .forEach(
              f -> {
                String child = pointer + "/" + f.getKey();
                out.add(new String[] {child});
                collect(f.getValue(), child, out);
              });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String child = pointer + "/" + i;
        out.add(new String[] {child});
        collect(array.get(i), child, out);
      }
    }
  }

  /** A value that breaks this one (null: remove it). */
  private JsonNode badValue(JsonNode current) {
    List<JsonNode> bad = new ArrayList<>();
    bad.add(NODES.nullNode());
    bad.add(null);
    if (current.isTextual()) {
      bad.add(NODES.textNode(""));
      bad.add(NODES.textNode("   "));
      bad.add(NODES.textNode("x".repeat(100_000)));
      bad.add(NODES.textNode("é".repeat(5_000)));
      bad.add(NODES.textNode("\u0000\u0007\u202e"));
      bad.add(NODES.objectNode().put("nested", "object"));
      bad.add(NODES.arrayNode().add("a"));
      bad.add(NODES.numberNode(12));
      bad.add(NODES.textNode("2026-13-45"));
    } else if (current.isNumber()) {
      bad.add(NODES.textNode("abc"));
      bad.add(NODES.numberNode(-1));
      bad.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
      bad.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
      bad.add(NODES.numberNode(0.5));
    } else if (current.isBoolean()) {
      bad.add(NODES.textNode("maybe"));
      bad.add(NODES.numberNode(2));
    } else if (current.isArray()) {
      bad.add(NODES.arrayNode().addNull());
      bad.add(NODES.arrayNode().add(NODES.nullNode()).add(NODES.nullNode()));
      bad.add(NODES.objectNode());
      bad.add(NODES.textNode("not a list"));
      ArrayNode many = NODES.arrayNode();
      for (int i = 0; i < 5_000; i++) {
        many.add(current.size() > 0 ? current.get(0) : NODES.textNode("x"));
      }
      bad.add(many);
    } else if (current.isObject()) {
      bad.add(NODES.arrayNode());
      bad.add(NODES.textNode("not an object"));
      bad.add(NODES.objectNode().putNull("x"));
    }
    return bad.get(random.nextInt(bad.size()));
  }

  private static byte[] invalidUtf8Inside(byte[] json) {
    String text = new String(json, StandardCharsets.UTF_8);
    int quote = text.indexOf("\":\"");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (quote < 0) {
      out.writeBytes("{\"username\":\"".getBytes(StandardCharsets.UTF_8));
      out.write(0xC3);
      out.write(0x28);
      out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
      return out.toByteArray();
    }
    byte[] head = text.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8);
    byte[] tail = text.substring(quote + 3).getBytes(StandardCharsets.UTF_8);
    out.writeBytes(head);
    out.write(0xFF);
    out.write(0xC3);
    out.write(0x28);
    out.writeBytes(tail);
    return out.toByteArray();
  }

  private static byte[] multipart(String fileName, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("--rokhsa-bad-input\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n--rokhsa-bad-input--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static String target(
      String template, Map<String, String> pathValues, Map<String, String> queryValues) {
    String path = template;
    for (Map.Entry<String, String> value : pathValues.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", value.getValue());
    }
    StringBuilder target = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, String> value : queryValues.entrySet()) {
      target.append(separator).append(value.getKey()).append('=').append(value.getValue());
      separator = '&';
    }
    return target.toString();
  }

  /** The path segment before a parameter: {@code dossiers} for {@code /dossiers/{id}}. */
  private static String before(String template, String name) {
    String head = template.substring(0, Math.max(0, template.indexOf("{" + name + "}") - 1));
    return head.substring(head.lastIndexOf('/') + 1);
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  static String abbreviate(String value) {
    return value.length() <= 80
        ? value
        : value.substring(0, 60) + "…(" + value.length() + " characters)";
  }
}
