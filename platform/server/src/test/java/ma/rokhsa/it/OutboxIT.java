package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import ma.rokhsa.it.support.Deployments;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * Notifications through the outbox, on real servers ({@link PayaraProcess}, with the test probes)
 * and a real SMTP server (GreenMail): queued only by transactions that commit, retried while SMTP
 * is down, and — the acceptance test — delivered exactly once each across a server restart.
 */
class OutboxIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TENANT = "06.141.01.0";
  private static final String ARABIC_SUBJECT = "وصل إيداع الملف";
  private static final String ARABIC_BODY =
      "السلام عليكم،\nتم إيداع ملفكم رقم 2026/0412 لدى جماعة الدار البيضاء.\nرخصة";
  private static final String FRENCH_SUBJECT = "Récépissé de dépôt";
  private static final String FRENCH_BODY =
      "Bonjour,\nvotre dossier n° 2026/0412 a été déposé à la commune de Casablanca.\nRokhsa";

  @Test
  void pendingNotificationsAreDeliveredExactlyOnceAcrossARestart() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path data = freshDirectory("outbox");
    Path war = probeWar(data);
    int smtpPort = PayaraProcess.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("ROKHSA_ADMIN_INITIAL_PASSWORD", System.getProperty("rokhsa.it.admin-password"));
    env.put("ROKHSA_MAIL_HOST", "127.0.0.1");
    env.put("ROKHSA_MAIL_PORT", Integer.toString(smtpPort));
    env.put("ROKHSA_MAIL_FROM", "Rokhsa <no-reply@rokhsa.test>");
    env.put("ROKHSA_MAIL_TIMEOUT", "PT3S");
    env.put("ROKHSA_OUTBOX_POLL_INTERVAL", "PT0.2S");
    env.put("ROKHSA_OUTBOX_LEASE", "PT20S");
    env.put("ROKHSA_OUTBOX_BACKOFF_BASE", "PT0.5S");
    env.put("ROKHSA_OUTBOX_BACKOFF_CAP", "PT2S");
    env.put("ROKHSA_OUTBOX_MAX_ATTEMPTS", "1000");

    String french = "fr-" + run + "@example.ma";
    String arabic = "ar-" + run + "@example.ma";
    String rolledBack = "rollback-" + run + "@example.ma";
    String outside = "outside-" + run + "@example.ma";
    String pigeon = "pigeon-" + run + "@example.ma";
    List<String> tests = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      tests.add("test" + i + "-" + run + "@example.ma");
    }
    List<String> delivered = new ArrayList<>(List.of(french, arabic));
    delivered.addAll(tests);

    // 1. SMTP is down: notifications are queued (only by transactions that commit) and retried.
    try (PayaraProcess first = PayaraProcess.start("outbox", data, env, war)) {
      awaitReady(first);
      Http admin = first.http().signIn("admin", System.getProperty("rokhsa.it.admin-password"));

      assertThat(probe(first, "commit", "email", french, "fr", FRENCH_SUBJECT, FRENCH_BODY))
          .isEqualTo("committed");
      assertThat(probe(first, "commit", "email", arabic, "ar", ARABIC_SUBJECT, ARABIC_BODY))
          .isEqualTo("committed");
      assertThat(probe(first, "rollback", "email", rolledBack, "fr", "Jamais", "Jamais envoyé"))
          .isEqualTo("rolled back");
      assertThat(
              first
                  .http()
                  .post(
                      "api/_probe/outbox/without-transaction",
                      queued("email", outside, "fr", "Hors transaction", "Refusé"))
                  .body())
          .as("the outbox refuses to queue outside a transaction")
          .isEqualTo("refused");
      assertThat(probe(first, "commit", "carrier-pigeon", pigeon, "fr", "Pigeon", "Roucou"))
          .isEqualTo("committed");
      for (int i = 0; i < tests.size(); i++) {
        Http.Response queued =
            admin.post(
                "api/admin/outbox/test",
                "{\"tenant\": \""
                    + TENANT
                    + "\", \"recipient\": \""
                    + tests.get(i)
                    + "\", \"language\": \""
                    + (i % 2 == 0 ? "fr" : "ar")
                    + "\"}");
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
      }
      assertProblem(
          admin.post(
              "api/admin/outbox/test",
              "{\"tenant\": \""
                  + TENANT
                  + "\", \"recipient\": \"x@example.ma\", \"language\": \"en\"}"),
          400,
          "validation-failed");
      assertProblem(
          admin.post(
              "api/admin/outbox/test",
              "{\"tenant\": \""
                  + TENANT
                  + "\", \"channel\": \"E-Mail\", \"recipient\": \"x@example.ma\"}"),
          400,
          "bad-request");
      assertProblem(
          admin.post(
              "api/admin/outbox/test",
              "{\"tenant\": \"99.999.99.9\", \"recipient\": \"x@example.ma\"}"),
          404,
          "not-found");
      assertThat(first.http().get("api/admin/outbox").status()).isEqualTo(401);
      assertProblem(admin.get("api/admin/outbox?limit=0"), 400, "bad-request");

      JsonNode retried =
          awaitOutbox(
              admin,
              report -> {
                Map<String, JsonNode> retrying = byRecipient(report.path("retrying"));
                return delivered.stream()
                        .allMatch(
                            r ->
                                retrying.containsKey(r)
                                    && retrying.get(r).path("attempts").asInt() >= 2)
                    && byRecipient(report.path("failed")).containsKey(pigeon);
              });
      Map<String, JsonNode> retrying = byRecipient(retried.path("retrying"));
      assertThat(retrying.get(french).path("lastError").asText())
          .startsWith("cannot send through 127.0.0.1:" + smtpPort);
      assertThat(retrying.get(french).path("status").asText()).isEqualTo("PENDING");
      JsonNode failedPigeon = byRecipient(retried.path("failed")).get(pigeon);
      assertThat(failedPigeon.path("lastError").asText()).contains("no channel 'carrier-pigeon'");
      assertThat(failedPigeon.path("attempts").asInt()).isEqualTo(1);
      assertThat(retried.path("counts").path("PENDING").asLong()).isGreaterThanOrEqualTo(7);
      assertThat(byRecipient(retried.path("retrying"))).doesNotContainKeys(rolledBack, outside);
      assertThat(byRecipient(retried.path("failed"))).doesNotContainKeys(rolledBack, outside);

      int exit = first.stop();
      assertThat(exit).as("exit code on SIGTERM").isIn(0, 143);
    }

    // 2. SMTP is up; the restarted server delivers every pending notification, each once.
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
    smtp.start();
    try (PayaraProcess second = PayaraProcess.start("outbox", data, env, war)) {
      awaitReady(second);
      Http admin = second.http().signIn("admin", System.getProperty("rokhsa.it.admin-password"));

      JsonNode settled =
          awaitOutbox(
              admin,
              report ->
                  delivered.stream()
                      .noneMatch(r -> byRecipient(report.path("retrying")).containsKey(r)));
      assertThat(byRecipient(settled.path("failed")))
          .doesNotContainKeys(delivered.toArray(new String[0]));
      // Every one of ours is SENT now: nothing more of them can be sent.
      Map<String, List<MimeMessage>> inbox = inbox(smtp);
      for (String recipient : delivered) {
        assertThat(inbox.get(recipient)).as("messages to " + recipient).hasSize(1);
      }
      assertThat(inbox).doesNotContainKeys(rolledBack, outside, pigeon);
      assertThat(delivered.stream().map(r -> messageId(inbox.get(r).get(0))).distinct().count())
          .isEqualTo(delivered.size());

      MimeMessage inArabic = inbox.get(arabic).get(0);
      assertThat(inArabic.getSubject()).isEqualTo(ARABIC_SUBJECT);
      assertThat(text(inArabic)).isEqualTo(ARABIC_BODY);
      assertThat(inArabic.getHeader("Content-Language")).containsExactly("ar");
      assertThat(messageId(inArabic)).matches("<[0-9a-f-]{36}@rokhsa\\.test>");
      MimeMessage inFrench = inbox.get(french).get(0);
      assertThat(inFrench.getSubject()).isEqualTo(FRENCH_SUBJECT);
      assertThat(text(inFrench)).isEqualTo(FRENCH_BODY);
      assertThat(inFrench.getFrom()[0].toString()).isEqualTo("Rokhsa <no-reply@rokhsa.test>");
      MimeMessage testInArabic = inbox.get(tests.get(1)).get(0);
      assertThat(testInArabic.getSubject()).isEqualTo("رخصة: إشعار تجريبي");
      assertThat(text(testInArabic)).contains("بطلب من admin").contains("« email »");
      assertThat(inbox.get(tests.get(0)).get(0).getSubject())
          .isEqualTo("Rokhsa : notification d'essai");

      assertThat(second.http().get("metrics").body())
          .as("outcomes are counted by channel")
          .contains("rokhsa_outbox_sent_total");

      // 3. SMTP goes away and comes back while the server runs: retried, then delivered once.
      smtp.stop();
      String back = "back-" + run + "@example.ma";
      assertThat(
              admin
                  .post(
                      "api/admin/outbox/test",
                      "{\"tenant\": \"" + TENANT + "\", \"recipient\": \"" + back + "\"}")
                  .status())
          .isEqualTo(202);
      awaitOutbox(admin, report -> byRecipient(report.path("retrying")).containsKey(back));
      smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
      smtp.start();
      awaitOutbox(admin, report -> !byRecipient(report.path("retrying")).containsKey(back));
      assertThat(inbox(smtp).get(back)).hasSize(1);
    } finally {
      smtp.stop();
    }
  }

  private static String probe(
      PayaraProcess server,
      String outcome,
      String channel,
      String recipient,
      String language,
      String subject,
      String body) {
    Http.Response response =
        server
            .http()
            .post(
                "api/_probe/outbox?outcome=" + outcome,
                queued(channel, recipient, language, subject, body));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body();
  }

  private static String queued(
      String channel, String recipient, String language, String subject, String body) {
    ObjectNode json = JSON.createObjectNode();
    json.put("tenant", TENANT);
    json.put("channel", channel);
    json.put("recipient", recipient);
    json.put("language", language);
    json.put("subject", subject);
    json.put("body", body);
    return json.toString();
  }

  /** The real WAR plus the test probes, as a file a {@link PayaraProcess} can deploy. */
  private static Path probeWar(Path data) {
    Path war = data.resolve("rokhsa-with-probes.war");
    Deployments.platformWithProbes().as(ZipExporter.class).exportTo(war.toFile(), true);
    return war;
  }

  private static Map<String, JsonNode> byRecipient(JsonNode entries) {
    Map<String, JsonNode> byRecipient = new LinkedHashMap<>();
    entries.forEach(entry -> byRecipient.put(entry.path("recipient").asText(), entry));
    return byRecipient;
  }

  private static Map<String, List<MimeMessage>> inbox(GreenMail smtp) throws MessagingException {
    Map<String, List<MimeMessage>> inbox = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      inbox
          .computeIfAbsent(message.getAllRecipients()[0].toString(), r -> new ArrayList<>())
          .add(message);
    }
    return inbox;
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static String text(MimeMessage message) throws IOException, MessagingException {
    return ((String) message.getContent()).replace("\r\n", "\n");
  }

  private static JsonNode awaitOutbox(Http admin, Predicate<JsonNode> condition) {
    return await(
        () -> {
          Http.Response response = admin.get("api/admin/outbox?limit=500");
          assertThat(response.status()).as(response.toString()).isEqualTo(200);
          return response.json();
        },
        condition);
  }

  private static void awaitReady(PayaraProcess server) {
    await(
        () -> {
          try {
            return server.http().get("health/ready").status();
          } catch (RuntimeException notListeningYet) {
            return 0;
          }
        },
        status -> status == 200);
  }

  /** Polls until the condition holds; the timeout only bounds a failure, it asserts nothing. */
  private static <T> T await(Supplier<T> read, Predicate<T> condition) {
    Instant deadline = Instant.now().plus(TIMEOUT);
    T last = null;
    while (Instant.now().isBefore(deadline)) {
      last = read.get();
      if (condition.test(last)) {
        return last;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the condition was never met; last: " + last);
  }

  private static Path freshDirectory(String name) throws IOException {
    Path root = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), name);
    Files.createDirectories(root);
    return Files.createTempDirectory(root, "data-");
  }
}
