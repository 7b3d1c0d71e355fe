package ma.rokhsa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import ma.rokhsa.it.support.Deployments;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PayaraProcess;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * The legal clock as production runs it: a real server whose own schedule ({@code
 * rokhsa.dossiers.clock-interval}, two seconds here) runs every pass. The test only sets up
 * dossiers (in the database, as time would have left them) and watches: an overdue dossier takes
 * the procedure's way out, the commission is reminded by e-mail (a real SMTP server), 501 dossiers
 * with no way out neither starve the 502nd nor are looked at again, a failing one is marked and
 * skipped, and a closure announced later moves the due dates already counted.
 */
class LegalClockIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String T = DossierIT.T;
  private static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");
  private static final String PROCEDURE = "permis-de-construire";

  @Test
  void theScheduledPassMovesRemindsSkipsTheStuckAndFollowsAnnouncedClosures() throws Exception {
    String run = "clk" + Long.toString(System.currentTimeMillis(), 36);
    Path data = freshDirectory("legal-clock");
    Path config = data.resolve("tenant-config");
    copyTree(Path.of(System.getProperty("rokhsa.root", "../..")).resolve("tenant-config"), config);
    Path war = data.resolve("rokhsa-with-probes.war");
    Deployments.platformWithProbes().as(ZipExporter.class).exportTo(war.toFile(), true);
    int smtpPort = PayaraProcess.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("ROKHSA_ADMIN_INITIAL_PASSWORD", System.getProperty("rokhsa.it.admin-password"));
    env.put("ROKHSA_TENANT_CONFIG_DIR", config.toAbsolutePath().toString());
    env.put("ROKHSA_DOSSIERS_CLOCK_INTERVAL", "PT2S");
    env.put("ROKHSA_MAIL_HOST", "127.0.0.1");
    env.put("ROKHSA_MAIL_PORT", Integer.toString(smtpPort));
    env.put("ROKHSA_MAIL_FROM", "Rokhsa <no-reply@rokhsa.test>");
    env.put("ROKHSA_MAIL_TIMEOUT", "PT3S");
    env.put("ROKHSA_OUTBOX_POLL_INTERVAL", "PT0.5S");

    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
    smtp.start();
    try (PayaraProcess server = PayaraProcess.start("legal-clock", data, env, war)) {
      awaitReady(server);
      Http http = server.http();
      Http national = http.signIn("admin", System.getProperty("rokhsa.it.admin-password"));
      DossierIT.ok(national.post("api/admin/rollout/regions/06/enable?dryRun=false", ""));
      String member = "commission-" + run;
      DossierIT.memberWithEmail(http, national, member);
      Http guichet = TenancyIT.account(http, national, "guichet-" + run, "GUICHET_AGENT", T);
      LocalDate today = LocalDate.now(MOROCCO);

      // Set up as time would have: the stuck ones first, due earliest.
      seed(http, run + "-stuck", "depose", "&due=" + today.minusDays(30), 501);
      seed(
          http, run + "-failing", "depose", "&due=" + today.minusDays(20) + "&version=0.0-gone", 1);
      String overdue =
          seed(
                  http,
                  run + "-overdue",
                  "instruction",
                  "&due=" + today.minusDays(1) + "&avisDue=" + today.minusDays(1),
                  1)
              .get(0);
      seed(
          http,
          run + "-remind",
          "instruction",
          "&due=" + today.plusDays(20) + "&avisDue=" + today,
          1);
      seed(
          http,
          run + "-counted",
          "instruction",
          "&countedFrom=" + today + "&workingDays=10&avisDue=due",
          1);

      // 1. The schedule moves the overdue dossier: the commission's deadline passed, the missing
      // avis are deemed favorable and the platform consolidates.
      await(() -> observe(http, run + "-overdue").get(0), d -> "decision".equals(state(d)));
      JsonNode moved = DossierIT.ok(guichet.get("api/tenants/" + T + "/dossiers/" + overdue));
      assertThat(moved.path("state").asText()).isEqualTo("decision");
      assertThat(stream(moved.path("avis")).map(a -> a.path("verdict").asText()))
          .isNotEmpty()
          .allMatch("DEEMED_FAVORABLE"::equals);
      assertThat(stream(moved.path("timeline")).map(e -> e.path("action").asText()))
          .contains("consolider-avis");

      // 2. 501 dossiers with no way out did not starve it, and are marked with their due date.
      List<JsonNode> stuck =
          await(
              () -> observe(http, run + "-stuck"),
              all ->
                  all.size() == 501
                      && all.stream()
                          .allMatch(
                              d ->
                                  d.path("skippedDue")
                                      .asText("")
                                      .equals(today.minusDays(30).toString())));
      assertThat(stuck).hasSize(501);
      assertThat(stuck)
          .allMatch(d -> d.path("skippedDue").asText().equals(today.minusDays(30).toString()))
          .allMatch(d -> "depose".equals(state(d)));
      Map<String, Long> markedVersions = new HashMap<>();
      stuck.forEach(d -> markedVersions.put(d.path("id").asText(), d.path("version").asLong()));

      // 3. The failing one (its procedure version is offered by no plugin) is marked, skipped.
      JsonNode failing =
          await(() -> observe(http, run + "-failing").get(0), d -> d.path("failures").asInt() > 0);
      assertThat(failing.path("problem").asText()).contains("0.0-gone");

      // 4. The commission is reminded, by e-mail, of the avis due today.
      String address = member + "@commune.example.ma";
      List<MimeMessage> reminders =
          await(() -> inbox(smtp, address), messages -> messages.size() >= 4);
      assertThat(reminders).hasSize(4);

      // 5. A closure announced later moves the due date already counted; audited.
      JsonNode counted = observe(http, run + "-counted").get(0);
      LocalDate before = LocalDate.parse(counted.path("dueDate").asText());
      LocalDate closed =
          LocalDate.parse(
              DossierIT.ok(
                      guichet.get(
                          "api/tenants/" + T + "/calendar/working-days?from=" + today + "&days=2"))
                  .path("due")
                  .asText());
      Files.writeString(
          config.resolve("calendar").resolve(T + ".yaml"),
          "closures:\n  - date: "
              + closed
              + "\n    name-fr: Fermeture exceptionnelle\n    name-ar: إغلاق استثنائي\n");
      DossierIT.ok(national.post("api/admin/tenant-config/reload", ""));
      LocalDate expected =
          LocalDate.parse(
              DossierIT.ok(
                      guichet.get(
                          "api/tenants/" + T + "/calendar/working-days?from=" + today + "&days=10"))
                  .path("due")
                  .asText());
      assertThat(expected).isAfter(before);
      await(
          () -> observe(http, run + "-counted").get(0),
          d -> d.path("dueDate").asText().equals(expected.toString()));
      JsonNode audit =
          DossierIT.ok(
              national.get(
                  "api/tenants/"
                      + T
                      + "/audit?subjectType=dossier&subjectId="
                      + run
                      + "-counted-0"));
      assertThat(stream(audit.path("entries")))
          .anyMatch(
              e ->
                  e.path("action").asText().equals("dossier.due-date-recounted")
                      && e.path("detail").asText().contains(before + " -> " + expected));
      JsonNode file =
          DossierIT.ok(
              guichet.get("api/tenants/" + T + "/dossiers/" + counted.path("id").asText()));
      assertThat(stream(file.path("avis")).map(a -> a.path("dueDate").asText()))
          .as("the avis awaited follow the dossier's due date")
          .isNotEmpty()
          .allMatch(expected.toString()::equals);

      // 6. Later passes leave the marked ones alone, and no pass failed.
      Thread.sleep(6_000);
      assertThat(observe(http, run + "-failing").get(0).path("failures").asInt())
          .as("retried only after its wait")
          .isEqualTo(1);
      assertThat(observe(http, run + "-stuck"))
          .as("marked once, then left alone")
          .allMatch(d -> d.path("version").asLong() == markedVersions.get(d.path("id").asText()));
      assertThat(inbox(smtp, address)).as("reminded once").hasSize(4);
      assertThat(server.log())
          .doesNotContain("legal clock pass failed")
          .doesNotContain("not handled nor marked");
    } finally {
      smtp.stop();
    }
  }

  private static List<String> seed(Http http, String run, String state, String more, int count) {
    JsonNode ids =
        DossierIT.ok(
            http.post(
                "api/_probe/clock/dossiers?tenant="
                    + T
                    + "&procedure="
                    + PROCEDURE
                    + "&state="
                    + state
                    + "&count="
                    + count
                    + "&run="
                    + run
                    + more,
                ""));
    return stream(ids).map(JsonNode::asText).toList();
  }

  private static List<JsonNode> observe(Http http, String run) {
    return stream(DossierIT.ok(http.get("api/_probe/clock/dossiers?run=" + run))).toList();
  }

  private static String state(JsonNode dossier) {
    return dossier.path("state").asText();
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  private static List<MimeMessage> inbox(GreenMail smtp, String address) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        if (message.getAllRecipients()[0].toString().equals(address)) {
          found.add(message);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
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
    throw new AssertionError("not within " + TIMEOUT + "; last seen: " + last);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      all.forEach(
          source -> {
            try {
              Path target = to.resolve(from.relativize(source).toString());
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  private static Path freshDirectory(String name) throws IOException {
    Path root = Path.of(System.getProperty("rokhsa.it.dir", "target/it-data"), name);
    Files.createDirectories(root);
    return Files.createTempDirectory(root, "data-");
  }
}
