package ma.rokhsa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import ma.rokhsa.it.support.CrashCycles;
import ma.rokhsa.it.support.Http;

/**
 * The two halves of {@code bench/signatures.sh} that are not the load itself (wrk drives that).
 *
 * <ul>
 *   <li>{@code setup} — on a running demo node, over its HTTP API only: a tenant admin names a
 *       signatory and issues them a key in the tenant's signature provider with a PIN (the
 *       development CA certifies it), then {@code count} permis de construire are deposited,
 *       accepted, given every avis and decided favorably, so that they await that signatory's
 *       signature. Writes {@code <out>/<tenant>.ids} (one dossier id a line) and {@code
 *       <out>/<tenant>.token} (the signatory's bearer token).
 *   <li>{@code baseline} — the raw JDK operation of the same key, in this JVM, one thread:
 *       SHA256withRSA over 1 MB, the key opened once, from the PKCS#12 key store the plugin wrote
 *       or from the SoftHSM2 token through SunPKCS11. Prints operations per second and p50/p95.
 * </ul>
 *
 * <pre>
 * java ma.rokhsa.bench.SignatureBench setup http://127.0.0.1:8192/ adminPassword tenant count out pin
 * java ma.rokhsa.bench.SignatureBench baseline pkcs12 keystore.p12 pin iterations
 * java ma.rokhsa.bench.SignatureBench baseline pkcs11 sunpkcs11.cfg pin iterations
 * </pre>
 */
public final class SignatureBench {

  private static final String PASSWORD = "bench-account-password-2026";
  private static final List<String> BODIES =
      List.of(
          "agence-urbaine",
          "protection-civile",
          "service-urbanisme",
          "distributeur-eau-electricite");

  private SignatureBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "setup" ->
          setup(
              URI.create(args[1]),
              args[2],
              args[3],
              Integer.parseInt(args[4]),
              Path.of(args[5]),
              args[6]);
      case "baseline" -> baseline(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]));
      default -> throw new IllegalArgumentException("setup or baseline");
    }
  }

  // --- setup ---------------------------------------------------------------------------------

  static void setup(URI base, String adminPassword, String tenant, int count, Path out, String pin)
      throws Exception {
    Http http = new Http(base);
    Http national = http.signIn("admin", adminPassword);
    String run = tenant.replace('.', '-') + "-" + Long.toString(System.currentTimeMillis(), 36);
    national.post(
        "api/admin/rollout/regions/" + tenant.substring(0, 2) + "/enable?dryRun=false", "");
    Http admin = account(http, national, "admin-" + run, grant("TENANT_ADMIN", tenant, null));
    Http signatory = account(http, national, "sign-" + run, grant("SIGNATORY", tenant, null));
    Http guichet = account(http, national, "guichet-" + run, grant("GUICHET_AGENT", tenant, null));
    Http applicant = account(http, national, "applicant-" + run, "{\"role\": \"APPLICANT\"}");
    Http commission =
        account(
            http,
            national,
            "commission-" + run,
            BODIES.stream()
                .map(b -> grant("COMMISSION_MEMBER", tenant, b))
                .collect(Collectors.joining(", ")));
    String t = "api/tenants/" + tenant;
    long signatoryId =
        ok(
                admin.post(
                    t + "/signatories",
                    "{\"fullName\": \"Signataire "
                        + tenant
                        + "\", \"title\": \"Président\", \"username\": \"sign-"
                        + run
                        + "\", \"cin\": \"BK123456\"}"),
                201)
            .path("id")
            .asLong();
    JsonNode key =
        ok(
            admin.post(
                t + "/signature-keys",
                "{\"signatoryId\": "
                    + signatoryId
                    + ", \"label\": \"bench\", \"pin\": \""
                    + pin
                    + "\"}"),
            201);
    System.out.printf(
        "%s: key %s, provider %s, status %s%n",
        tenant,
        key.path("id").asText(),
        key.path("provider").asText(),
        key.path("status").asText());

    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key2 = run + "-" + i;
      made.add(
          pool.submit(() -> awaitingSignature(t, applicant, guichet, commission, signatory, key2)));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> f : made) {
      ids.add(f.get());
    }
    pool.shutdown();
    Files.createDirectories(out);
    Files.write(out.resolve(tenant + ".ids"), ids);
    String token =
        ok(
                http.post(
                    "api/auth/token",
                    "{\"username\": \"sign-" + run + "\", \"password\": \"" + PASSWORD + "\"}"),
                200)
            .path("accessToken")
            .asText();
    Files.writeString(out.resolve(tenant + ".token"), token);
    System.out.printf("%s: %d dossiers await the signature%n", tenant, ids.size());
  }

  private static String awaitingSignature(
      String t, Http applicant, Http guichet, Http commission, Http signatory, String key) {
    JsonNode draft =
        ok(
            applicant.post(
                t + "/dossiers",
                "{\"procedure\": \"permis-de-construire\", \"applicantName\": \"Karim Benali\","
                    + " \"contactEmail\": \"karim.benali@example.ma\", \"language\": \"fr\","
                    + " \"values\": "
                    + CrashCycles.VALUES
                    + "}"),
            201);
    String id = draft.path("id").asText();
    String base = t + "/dossiers/" + id;
    for (String document : CrashCycles.DOCUMENTS) {
      ok(
          applicant.upload(
              base + "/attachments?document=" + document,
              document + ".pdf",
              CrashCycles.pdf(1_500, new java.util.Random())),
          201);
    }
    ok(
        applicant.send(
            applicant
                .request(base + "/submission")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build()),
        201);
    ok(guichet.post(base + "/actions/accepter", "{}"), 200);
    for (String body : BODIES) {
      ok(
          commission.post(
              base + "/avis", "{\"body\": \"" + body + "\", \"verdict\": \"FAVORABLE\"}"),
          200);
    }
    ok(signatory.post(base + "/actions/decider-favorable", "{\"motivation\": \"Conforme.\"}"), 200);
    return id;
  }

  private static String grant(String role, String tenant, String body) {
    return "{\"role\": \""
        + role
        + "\", \"tenant\": \""
        + tenant
        + "\""
        + (body == null ? "" : ", \"body\": \"" + body + "\"")
        + "}";
  }

  private static Http account(Http http, Http national, String username, String grants) {
    ok(
        national.post(
            "api/admin/accounts",
            "{\"username\": \""
                + username
                + "\", \"displayName\": \""
                + username
                + "\", \"password\": \""
                + PASSWORD
                + "\", \"email\": \""
                + username
                + "@example.ma\", \"grants\": ["
                + grants
                + "]}"),
        201);
    return http.signIn(username, PASSWORD);
  }

  private static JsonNode ok(Http.Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("expected " + status + ": " + response);
    }
    return response.json();
  }

  // --- baseline ------------------------------------------------------------------------------

  static void baseline(String kind, Path store, String pin, int iterations) throws Exception {
    KeyStore keys;
    Provider provider = null;
    if (kind.equals("pkcs12")) {
      keys = KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(store)) {
        keys.load(in, pin.toCharArray());
      }
    } else {
      provider = Security.getProvider("SunPKCS11").configure(store.toString());
      keys = KeyStore.getInstance("PKCS11", provider);
      keys.load(null, pin.toCharArray());
    }
    PrivateKey key = null;
    for (String alias : Collections.list(keys.aliases())) {
      if (keys.isKeyEntry(alias)) {
        key = (PrivateKey) keys.getKey(alias, kind.equals("pkcs12") ? pin.toCharArray() : null);
      }
    }
    if (key == null) {
      throw new IllegalStateException("no key in " + store);
    }
    byte[] document = new byte[1 << 20];
    new SecureRandom().nextBytes(document);
    long[] nanos = new long[iterations];
    int warmup = Math.max(5, iterations / 10);
    for (int i = -warmup; i < iterations; i++) {
      long start = System.nanoTime();
      Signature signature =
          provider == null
              ? Signature.getInstance("SHA256withRSA")
              : Signature.getInstance("SHA256withRSA", provider);
      signature.initSign(key);
      signature.update(document);
      signature.sign();
      if (i >= 0) {
        nanos[i] = System.nanoTime() - start;
      }
    }
    long total = Arrays.stream(nanos).sum();
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "baseline %s: %d signatures (SHA256withRSA, 1 MB, one thread): %.1f/s, p50 %.1f ms,"
            + " p95 %.1f ms%n",
        kind,
        iterations,
        iterations / (total / 1e9),
        nanos[iterations / 2] / 1e6,
        nanos[(int) Math.ceil(iterations * 0.95) - 1] / 1e6);
    if (provider != null) {
      Security.removeProvider(provider.getName());
    }
  }
}
