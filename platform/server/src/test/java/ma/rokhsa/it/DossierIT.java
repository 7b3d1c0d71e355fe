package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import ma.rokhsa.it.support.Deployments;
import ma.rokhsa.it.support.Http;
import ma.rokhsa.it.support.PluginUploads;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dossiers end to end, through the HTTP API of the real platform: a permis de construire from
 * deposit to decision on the legal clock, concurrency, and bad input that must leave nothing
 * behind.
 */
@ExtendWith(ArquillianExtension.class)
class DossierIT {

  /** Lbir Jdid (urban commune, 30,247 inhabitants) and Chtouka (rural), province of El Jadida. */
  static final String T = "06.181.01.05";

  static final String OTHER = "06.181.03.01";
  static final String PASSWORD = "a-long-test-password";
  static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

  static final String VALUES =
      """
      {"qualite": "proprietaire", "nom_demandeur": "Karim Benali", "cin": "JA123456",
       "telephone": "0661234567", "nom_architecte": "Salma Idrissi", "numero_ordre": "4821",
       "titre_foncier": "T12345/19", "adresse_terrain": "Lotissement Al Wifaq, lot 42",
       "surface_terrain": 200, "zonage": "villa", "nature": "construction", "usage": "habitation",
       "etablissement_recevant_public": false, "emprise_au_sol": 120,
       "surface_plancher_totale": 240, "hauteur": 8.5,
       "niveaux": [{"niveau": "RDC", "surface_niveau": 120, "logements": 1},
                   {"niveau": "R+1", "surface_niveau": 120, "logements": 1}]}
      """;

  static final List<String> FIRST_THREE =
      List.of("demande", "certificat-propriete", "plan-situation");
  static final List<String> LAST_TWO = List.of("plan-masse", "plans-architecturaux");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.platformWithProbes();
  }

  @ArquillianResource URL deployed;

  record World(
      String run,
      Http anonymous,
      Http national,
      Http applicant,
      Http otherApplicant,
      Http guichet,
      Http guichet2,
      Http commission,
      Http signatory,
      Http otherAgent) {}

  private static World world;

  @BeforeEach
  void connect() throws Exception {
    synchronized (DossierIT.class) {
      if (world == null) {
        URI uri = deployed.toURI();
        Http http =
            new Http(new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/", null, null));
        world = makeWorld(http);
      }
    }
  }

  static World makeWorld(Http http) {
    String run = Long.toString(System.currentTimeMillis(), 36);
    Http national = http.signIn("admin", System.getProperty("rokhsa.it.admin-password"));
    ok(national.post("api/admin/rollout/regions/06/enable?dryRun=false", ""));
    assertThat(ok(national.get("api/admin/tenants/" + T)).path("status").asText())
        .isEqualTo("ACTIVE");
    return new World(
        run,
        http,
        national,
        TenancyIT.account(http, national, "demandeur-" + run, "APPLICANT", null),
        TenancyIT.account(http, national, "autre-demandeur-" + run, "APPLICANT", null),
        TenancyIT.account(http, national, "guichet-" + run, "GUICHET_AGENT", T),
        TenancyIT.account(http, national, "guichet2-" + run, "GUICHET_AGENT", T),
        memberWithEmail(http, national, "commission-" + run),
        TenancyIT.account(http, national, "signataire-" + run, "SIGNATORY", T),
        TenancyIT.account(http, national, "agent-chtouka-" + run, "GUICHET_AGENT", OTHER));
  }

  // --- the walks -----------------------------------------------------------------------------

  @Test
  void aPermisDeConstruireGoesFromDepositThroughComplementsAndAvisToAwaitingSignature() {
    LocalDate today = LocalDate.now(MOROCCO);
    Set<LocalDate> holidays = holidays(today.getYear());
    holidays.addAll(holidays(today.getYear() + 1));

    JsonNode draft = newDraft(world.applicant());
    String id = draft.path("id").asText();
    String base = "api/tenants/" + T + "/dossiers/" + id;
    for (String document : FIRST_THREE) {
      created(
          world
              .applicant()
              .upload(base + "/attachments?document=" + document, document + ".pdf", pdf(2_000)));
    }

    JsonNode incomplete =
        assertProblem(world.applicant().post(base + "/submission", ""), 422, "dossier-incomplete");
    assertThat(fields(incomplete))
        .as("the two documents still missing are named")
        .contains("documents.plan-masse", "documents.plans-architecturaux");

    for (String document : LAST_TWO) {
      created(
          world
              .applicant()
              .upload(base + "/attachments?document=" + document, document + ".pdf", pdf(3_000)));
    }
    String key = "submit-" + id;
    JsonNode submitted = created(submit(world.applicant(), base, key));
    String reference = submitted.path("reference").asText();
    String code = submitted.path("trackingCode").asText();
    assertThat(reference).matches(T.replace(".", "\\.") + "-" + today.getYear() + "-\\d{6}");
    assertThat(code).matches("[2-9A-HJKMNP-TV-Z]{12}");
    assertThat(submitted.path("state").asText()).isEqualTo("depose");
    LocalDate guichetDue = LocalDate.parse(submitted.path("dueDate").asText());
    assertThat(guichetDue)
        .as("3 working days, weekends and holidays skipped")
        .isEqualTo(addWorkingDays(today, 3, holidays));

    Http.Response again = submit(world.applicant(), base, key);
    assertThat(again.status()).as("a repeated submission answers the first").isEqualTo(200);
    assertThat(again.json().path("reference").asText()).isEqualTo(reference);
    assertThat(again.json().path("trackingCode").asText()).isEqualTo(code);
    assertThat(again.json().path("replayed").asBoolean()).isTrue();
    assertProblem(submit(world.applicant(), base, "another-key"), 409, "conflict");

    HttpResponse<byte[]> receipt =
        world.applicant().sendBytes(world.applicant().request(base + "/receipt").GET().build());
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/pdf");
    assertThat(new String(receipt.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    Http.Response tracking =
        world.anonymous().get("api/public/tracking?reference=" + reference + "&code=" + code);
    assertThat(tracking.status()).as(tracking.toString()).isEqualTo(200);
    assertThat(tracking.json().path("state").path("fr").asText()).startsWith("Déposé");
    assertThat(tracking.json().path("nextBy").toString()).contains("GUICHET_AGENT");
    assertThat(tracking.body())
        .as("no personal data on the public page")
        .doesNotContain("Karim")
        .doesNotContain("Benali")
        .doesNotContain("demandeur-")
        .doesNotContain("@");
    assertProblem(
        world.anonymous().get("api/public/tracking?reference=" + reference + "&code=WRONGCODE234"),
        404,
        "not-found");

    // Not allowed in this state: 409 with the actions allowed.
    JsonNode wrong =
        assertProblem(
            world.guichet().post(base + "/actions/decider-favorable", "{}"), 409, "conflict");
    assertThat(wrong.path("allowed").toString()).contains("accepter", "demander-complements");

    // Two agents at once on the same version: one wins, the other is told the current state.
    long version = ok(world.guichet().get(base)).path("version").asLong();
    String complements =
        "{\"items\": [{\"item\": \"certificat-propriete\", \"reason\": \"daté de plus de 3 mois\"}]}";
    List<Http.Response> both =
        concurrently(
            () -> act(world.guichet(), base, "demander-complements", version, complements),
            () -> act(world.guichet2(), base, "demander-complements", version, complements));
    assertThat(both).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
    JsonNode loser = both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow().json();
    assertThat(loser.path("type").asText()).endsWith("/dossier-changed");
    assertThat(loser.path("state").asText()).isEqualTo("complements");
    assertThat(loser.path("version").asLong()).isGreaterThan(version);

    JsonNode waiting = ok(world.applicant().get(base));
    assertThat(waiting.path("state").asText()).isEqualTo("complements");
    assertThat(waiting.path("suspendedState").asText()).isEqualTo("depose");
    JsonNode asked = waiting.path("complements").get(0).path("items");
    assertThat(asked.isArray()).as("items are a list, not JSON in a string").isTrue();
    assertThat(asked.get(0).path("item").asText()).isEqualTo("certificat-propriete");
    assertThat(asked.get(0).path("reason").asText()).contains("3 mois");

    created(
        world
            .applicant()
            .upload(
                base + "/attachments?document=certificat-propriete",
                "certificat-2026.pdf",
                pdf(2_500)));
    JsonNode completed =
        ok(
            world
                .applicant()
                .post(
                    base + "/actions/completer", "{\"motivation\": \"Certificat récent joint.\"}"));
    assertThat(completed.path("state").asText()).isEqualTo("depose");
    assertThat(
            completed.path("suspendedState").isMissingNode()
                || completed.path("suspendedState").isNull())
        .isTrue();
    assertThat(LocalDate.parse(completed.path("dueDate").asText()))
        .as("the guichet's clock resumes with the working days it had left")
        .isEqualTo(
            addWorkingDays(today, workingDaysBetween(today, guichetDue, holidays), holidays));
    assertThat(
            stream(completed.path("attachments"))
                .filter(a -> a.path("document").asText().equals("certificat-propriete")))
        .as("the old certificate stays on file, superseded")
        .hasSize(2)
        .anyMatch(a -> !a.path("supersededAt").isMissingNode() && !a.path("supersededAt").isNull());

    assertProblem(
        world.national().post(base + "/actions/accepter", "{}"),
        403,
        "forbidden"); // the national admin administers; it holds no guichet's power (ADR 0023)
    JsonNode instruction = ok(world.guichet().post(base + "/actions/accepter", "{}"));
    assertThat(instruction.path("state").asText()).isEqualTo("instruction");
    LocalDate commissionDue = LocalDate.parse(instruction.path("dueDate").asText());
    assertThat(commissionDue).isEqualTo(addWorkingDays(today, 10, holidays));
    assertThat(stream(instruction.path("avis")).map(a -> a.path("body").asText()))
        .containsExactlyInAnyOrder(
            "agence-urbaine",
            "protection-civile",
            "service-urbanisme",
            "distributeur-eau-electricite");

    Http civilProtection =
        member(world.anonymous(), world.national(), "civile-" + world.run(), "protection-civile");
    assertProblem(
        civilProtection.post(
            base + "/avis", "{\"body\": \"agence-urbaine\", \"verdict\": \"UNFAVORABLE\"}"),
        403,
        "forbidden"); // a member speaks only for the body its grant names
    avis(base, "agence-urbaine", "FAVORABLE", null);
    avis(
        base,
        "protection-civile",
        "FAVORABLE_WITH_RESERVATIONS",
        "Prévoir un extincteur par niveau.");
    JsonNode three = avis(base, "service-urbanisme", "FAVORABLE", null);
    assertThat(three.path("state").asText())
        .as("one body has not answered yet")
        .isEqualTo("instruction");

    // The commission's deadline passes (set up as if the days had gone by): the server's own
    // legal clock deems the missing avis favorable and consolidates.
    pastDue(base, today.minusDays(1), null);
    JsonNode decision = awaitState(world.signatory(), base, "decision");
    assertThat(decision.path("state").asText()).isEqualTo("decision");
    assertThat(decision.path("outcome").asText()).isEqualTo("FAVORABLE_WITH_RESERVATIONS");
    assertThat(stream(decision.path("avis")))
        .anyMatch(
            a ->
                a.path("body").asText().equals("distributeur-eau-electricite")
                    && a.path("verdict").asText().equals("DEEMED_FAVORABLE"));

    JsonNode favorable =
        ok(
            world
                .signatory()
                .post(base + "/actions/decider-favorable", "{\"motivation\": \"Conforme.\"}"));
    assertThat(favorable.path("state").asText()).isEqualTo("attente-signature");
    assertThat(favorable.path("phase").asText()).isEqualTo("OPEN");
    assertThat(stream(favorable.path("timeline")).map(e -> e.path("action").asText()))
        .contains(
            "deposer",
            "demander-complements",
            "completer",
            "accepter",
            "avis-agence-urbaine",
            "consolider-avis",
            "decider-favorable");

    // The applicant was told, one e-mail per action, through the outbox: the deposit, the
    // complements asked (with the items), each other move, and the decision (with its motivation).
    List<String> told = queuedFor("karim.benali@example.ma", reference);
    assertThat(told)
        .filteredOn(m -> m.contains("Compléments demandés"))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith("fr|")
                    .contains("- certificat-propriete : daté de plus de 3 mois"));
    assertThat(told)
        .filteredOn(m -> m.contains("Décision sur le dossier"))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("Motivation : Conforme."));
    assertThat(told)
        .as("a decision is told once, not also as a move")
        .noneMatch(m -> m.contains("|Dossier " + reference + " — Favorable"));
    assertThat(told).filteredOn(m -> m.contains("Dossier déposé")).hasSize(1);
  }

  /** What the platform queued for a recipient about a dossier (language|subject|body). */
  static List<String> queuedFor(String recipient, String reference) {
    List<String> queued = new ArrayList<>();
    ok(world
            .anonymous()
            .get(
                "api/_probe/outbox/queued?recipient="
                    + URLEncoder.encode(recipient, StandardCharsets.UTF_8)
                    + "&about="
                    + URLEncoder.encode(reference, StandardCharsets.UTF_8)))
        .forEach(n -> queued.add(n.asText()));
    return queued;
  }

  @Test
  void aBindingUnfavorableAvisLeavesTheAuthorityOnlyAMotivatedRefusal() {
    LocalDate today = LocalDate.now(MOROCCO);
    String base = depositedDossier(world.applicant());
    JsonNode commission = ok(world.guichet().post(base + "/actions/accepter", "{}"));
    LocalDate avisDue = LocalDate.parse(commission.path("dueDate").asText());

    assertThat(avisDue).isAfter(today);
    // The avis come due (set up as if the days had gone by): the server's own legal clock
    // reminds the commission of each — once.
    pastDue(base, null, today);
    String reference = commission.path("reference").asText();
    awaitCount(() -> reminders(reference), 4);
    sleep(5_000); // two passes more
    assertThat(reminders(reference)).as("reminded once").isEqualTo(4);
    assertThat(ok(world.commission().get(base)).path("state").asText()).isEqualTo("instruction");
    avis(
        base, "agence-urbaine", "UNFAVORABLE", "Hauteur supérieure à celle du plan d'aménagement.");
    avis(base, "protection-civile", "FAVORABLE", null);
    JsonNode three = avis(base, "service-urbanisme", "FAVORABLE", null);
    LocalDate due = LocalDate.parse(three.path("dueDate").asText());
    assertThat(due).isAfter(today);
    pastDue(base, today.minusDays(1), null);

    JsonNode decision = awaitState(world.signatory(), base, "decision");
    assertThat(decision.path("state").asText()).isEqualTo("decision");
    assertThat(decision.path("outcome").asText()).isEqualTo("UNFAVORABLE_BINDING");
    assertThat(stream(decision.path("allowedActions")).map(a -> a.path("action").asText()))
        .containsExactly("decider-defavorable");

    JsonNode refused =
        assertProblem(
            world.signatory().post(base + "/actions/decider-favorable", "{}"), 409, "conflict");
    assertThat(refused.path("detail").asText()).contains("binding");
    assertThat(refused.path("allowed").toString()).contains("decider-defavorable");
    assertProblem(
        world.signatory().post(base + "/actions/decider-defavorable", "{}"), 400, "bad-request");

    JsonNode closed =
        ok(
            world
                .signatory()
                .post(
                    base + "/actions/decider-defavorable",
                    "{\"motivation\": \"Avis défavorable de l'agence urbaine (hauteur).\"}"));
    assertThat(closed.path("state").asText()).isEqualTo("refuse");
    assertThat(closed.path("phase").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("decisionMotivation").asText()).contains("agence urbaine");
    assertThat(closed.path("allowedActions")).isEmpty();
  }

  // --- procedure versions ---------------------------------------------------------------------

  static final String DEMOLIR_VALUES =
      """
      {"qualite": "proprietaire", "nom_demandeur": "Karim Benali", "cin": "JA123456",
       "telephone": "0661234567", "nom_architecte": "Salma Idrissi", "numero_ordre": "4821",
       "titre_foncier": "T12345/19", "adresse": "Lotissement Al Wifaq, lot 42",
       "usage_actuel": "habitation", "annee_construction": 1978, "nombre_niveaux": 2,
       "surface_existante": 210, "nature": "totale", "motif": "reconstruction",
       "reference_permis_construire": "PC-2026-0815", "date_debut": "2027-01-11",
       "duree_travaux": 20, "lieu_decharge": "Décharge contrôlée", "etude_demolition": false}
      """;

  static final List<String> DEMOLIR_PDFS =
      List.of(
          "demande",
          "certificat-propriete",
          "plan-situation",
          "plan-existant",
          "attestation-assurance");

  /** A permis de démolir deposited by the applicant; its API path. */
  private static String demolition() {
    String id =
        created(
                world
                    .applicant()
                    .post(
                        "api/tenants/" + T + "/dossiers",
                        "{\"procedure\": \"permis-de-demolir\", \"applicantName\": \"Karim Benali\","
                            + " \"contactEmail\": \"karim.benali@example.ma\", \"values\": "
                            + DEMOLIR_VALUES
                            + "}"))
            .path("id")
            .asText();
    String base = "api/tenants/" + T + "/dossiers/" + id;
    for (String document : DEMOLIR_PDFS) {
      created(
          world
              .applicant()
              .upload(base + "/attachments?document=" + document, document + ".pdf", pdf(1_000)));
    }
    created(world.applicant().upload(base + "/attachments?document=photos", "facade.png", png()));
    created(submit(world.applicant(), base, "k-" + id));
    return base;
  }

  @Test
  void aProcedureUpgradedAtRuntimeKeepsItsOldRulesForTheDossiersDepositedUnderThem()
      throws IOException {
    LocalDate today = LocalDate.now(MOROCCO);
    Set<LocalDate> holidays = holidays(today.getYear());
    holidays.addAll(holidays(today.getYear() + 1));
    String v1 = demolition();
    JsonNode underV1 = ok(world.guichet().get(v1));
    String v1Version = underV1.path("procedureVersion").asText();
    assertThat(LocalDate.parse(underV1.path("dueDate").asText()))
        .isEqualTo(addWorkingDays(today, 3, holidays));

    // Version 2 of the plugin: the guichet gets 5 working days and the commission 20.
    Path root = Path.of(System.getProperty("rokhsa.root"));
    String yaml =
        Files.readString(
                root.resolve("plugins/permis-de-demolir/src/main/resources/procedure.yaml"))
            .replace("version: " + v1Version, "version: 2.0.0")
            .replace(
                "{id: depose, label: {fr: Déposé — vérification au guichet, ar: مودع — التحقق بالشباك}, deadline-working-days: 3}",
                "{id: depose, label: {fr: Déposé — vérification au guichet, ar: مودع — التحقق بالشباك}, deadline-working-days: 5}")
            .replace("deadline-working-days: 15, silence", "deadline-working-days: 20, silence");
    assertThat(yaml).contains("version: 2.0.0").contains("deadline-working-days: 5}");
    Path zip =
        ma.rokhsa.it.support.PluginZips.build(
            Files.createTempDirectory("demolir-v2"),
            "permis-de-demolir",
            "2.0.0",
            ">=0.1.0",
            Map.of(
                "com/vendor/demolir/PermisDeDemolirV2.java",
                "package com.vendor.demolir;\n"
                    + "@org.pf4j.Extension\n"
                    + "public class PermisDeDemolirV2 implements"
                    + " ma.rokhsa.plugin.api.procedure.ProcedureProvider {\n"
                    + "  public ma.rokhsa.plugin.api.procedure.ProcedureDefinition definition("
                    + "ma.rokhsa.plugin.api.procedure.DefinitionLoader loader) {\n"
                    + "    return loader.load(\"procedure.yaml\");\n  }\n}\n"),
            Map.of("procedure.yaml", yaml));
    Http.Response upgraded = PluginUploads.upgrade(world.national(), "permis-de-demolir", zip);
    assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);

    JsonNode plugins = ok(world.national().get("api/admin/plugins"));
    assertThat(stream(plugins))
        .anyMatch(
            p ->
                p.path("id").asText().startsWith("permis-de-demolir@")
                    && p.path("state").asText().equals("RETAINED")
                    && p.path("procedures").toString().contains("permis-de-demolir@" + v1Version));

    // New deposits follow v2; the v1 dossier keeps v1's rules.
    String v2 = demolition();
    JsonNode underV2 = ok(world.guichet().get(v2));
    assertThat(underV2.path("procedureVersion").asText()).isEqualTo("2.0.0");
    assertThat(LocalDate.parse(underV2.path("dueDate").asText()))
        .isEqualTo(addWorkingDays(today, 5, holidays));
    JsonNode v1Accepted = ok(world.guichet().post(v1 + "/actions/accepter", "{}"));
    assertThat(v1Accepted.path("procedureVersion").asText()).isEqualTo(v1Version);
    assertThat(LocalDate.parse(v1Accepted.path("dueDate").asText()))
        .isEqualTo(addWorkingDays(today, 15, holidays));
    JsonNode v2Accepted = ok(world.guichet().post(v2 + "/actions/accepter", "{}"));
    assertThat(LocalDate.parse(v2Accepted.path("dueDate").asText()))
        .isEqualTo(addWorkingDays(today, 20, holidays));

    // The plugin cannot be removed while dossiers follow it.
    assertProblem(
        world
            .national()
            .send("DELETE", "api/admin/plugins/permis-de-demolir", "application/json", ""),
        409,
        "conflict");
  }

  // --- bad input leaves nothing behind -------------------------------------------------------

  @Test
  void badInputAnswersProblemsAndChangesNothing() throws IOException {
    String deposited = depositedDossier(world.otherApplicant());
    String otherId = deposited.substring(deposited.lastIndexOf('/') + 1);
    JsonNode depositedBefore = ok(world.guichet().get(deposited));
    JsonNode draft = newDraft(world.applicant());
    String base = "api/tenants/" + T + "/dossiers/" + draft.path("id").asText();
    String list = "api/tenants/" + T + "/dossiers";
    JsonNode before = ok(world.applicant().get(base));
    JsonNode listBefore = ok(world.applicant().get(list));
    Set<Path> storeBefore = storedFiles();

    assertProblem(
        world.applicant().send("POST", list, "application/json", "{\"procedure\": "),
        400,
        "malformed-body");
    assertProblem(
        world
            .applicant()
            .upload(base + "/attachments?document=demande", "gros.pdf", pdf(5 * 1024 * 1024 + 1)),
        413,
        "payload-too-large");
    assertProblem(
        world.applicant().upload(base + "/attachments?document=demande", "plan.pdf", png()),
        415,
        "unsupported-media-type");
    assertProblem(
        world
            .applicant()
            .post(
                list,
                "{\"procedure\": \"permis-de-voler\", \"applicantName\": \"X\", \"contactEmail\": \"x@example.ma\"}"),
        404,
        "not-found");
    assertProblem(
        world.otherAgent().get("api/tenants/" + OTHER + "/dossiers/" + otherId), 404, "not-found");
    assertProblem(world.otherAgent().get(deposited), 404, "not-found");
    assertProblem(
        world
            .otherAgent()
            .post("api/tenants/" + OTHER + "/dossiers/" + otherId + "/actions/accepter", "{}"),
        404,
        "not-found");
    assertProblem(world.applicant().get(deposited), 404, "not-found");
    assertProblem(world.guichet().get(base), 404, "not-found");

    assertThat(ok(world.applicant().get(base))).as("the draft is unchanged").isEqualTo(before);
    assertThat(ok(world.applicant().get(list))).as("no dossier was created").isEqualTo(listBefore);
    assertThat(storedFiles()).as("the file store is unchanged").isEqualTo(storeBefore);
    JsonNode after = ok(world.guichet().get(deposited));
    assertThat(after.path("version")).isEqualTo(depositedBefore.path("version"));
    assertThat(after.path("state")).isEqualTo(depositedBefore.path("state"));
  }

  // --- helpers -------------------------------------------------------------------------------

  /** The consulted bodies of permis-de-construire, each granted to the test's commission member. */
  static final List<String> BODIES =
      List.of(
          "agence-urbaine",
          "protection-civile",
          "service-urbanisme",
          "distributeur-eau-electricite");

  /**
   * A commission member of T speaking for every body of permis-de-construire, with an e-mail
   * address, so that reminders reach them.
   */
  static Http memberWithEmail(Http http, Http national, String username) {
    String grants =
        BODIES.stream()
            .map(
                b ->
                    "{\"role\": \"COMMISSION_MEMBER\", \"tenant\": \""
                        + T
                        + "\", \"body\": \""
                        + b
                        + "\"}")
            .collect(java.util.stream.Collectors.joining(", "));
    created(
        national.post(
            "api/admin/accounts",
            "{\"username\": \""
                + username
                + "\", \"displayName\": \"Commission\", \"password\": \""
                + PASSWORD
                + "\", \"email\": \""
                + username
                + "@commune.example.ma\", \"grants\": ["
                + grants
                + "]}"));
    return http.signIn(username, PASSWORD);
  }

  /** A commission member of T who speaks for one consulted body only. */
  static Http member(Http http, Http national, String username, String body) {
    created(
        national.post(
            "api/admin/accounts",
            "{\"username\": \""
                + username
                + "\", \"displayName\": \"Membre\", \"password\": \""
                + PASSWORD
                + "\", \"grants\": [{\"role\": \"COMMISSION_MEMBER\", \"tenant\": \""
                + T
                + "\", \"body\": \""
                + body
                + "\"}]}"));
    return http.signIn(username, PASSWORD);
  }

  private static JsonNode newDraft(Http applicant) {
    return created(
        applicant.post(
            "api/tenants/" + T + "/dossiers",
            "{\"procedure\": \"permis-de-construire\", \"applicantName\": \"Karim Benali\","
                + " \"contactEmail\": \"karim.benali@example.ma\", \"language\": \"fr\","
                + " \"values\": "
                + VALUES
                + "}"));
  }

  /** A dossier deposited with its five documents; its API path. */
  private static String depositedDossier(Http applicant) {
    String id = newDraft(applicant).path("id").asText();
    String base = "api/tenants/" + T + "/dossiers/" + id;
    for (String document : Stream.concat(FIRST_THREE.stream(), LAST_TWO.stream()).toList()) {
      created(
          applicant.upload(
              base + "/attachments?document=" + document, document + ".pdf", pdf(1_500)));
    }
    created(submit(applicant, base, "k-" + id));
    return base;
  }

  private static Http.Response submit(Http applicant, String base, String key) {
    return applicant.send(
        applicant
            .request(base + "/submission")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static Http.Response act(
      Http agent, String base, String action, long version, String body) {
    return agent.send(
        agent
            .request(base + "/actions/" + action)
            .header("Content-Type", "application/json")
            .header("If-Match", "\"" + version + "\"")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static JsonNode avis(String base, String body, String verdict, String motivation) {
    return ok(
        world
            .commission()
            .post(
                base + "/avis",
                "{\"body\": \""
                    + body
                    + "\", \"verdict\": \""
                    + verdict
                    + "\""
                    + (motivation == null ? "" : ", \"motivation\": \"" + motivation + "\"")
                    + "}"));
  }

  @SafeVarargs
  private static List<Http.Response> concurrently(Callable<Http.Response>... calls) {
    ExecutorService pool = Executors.newFixedThreadPool(calls.length);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Http.Response>> futures = new ArrayList<>();
      for (Callable<Http.Response> call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<Http.Response> responses = new ArrayList<>();
      for (Future<Http.Response> f : futures) {
        responses.add(f.get());
      }
      return responses;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The tenant's public holidays, as its calendar publishes them. */
  private static Set<LocalDate> holidays(int year) {
    Set<LocalDate> days = new HashSet<>();
    stream(ok(world.guichet().get("api/tenants/" + T + "/calendar/" + year)).path("holidays"))
        .forEach(h -> days.add(LocalDate.parse(h.path("date").asText())));
    return days;
  }

  private static boolean working(LocalDate day, Set<LocalDate> holidays) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(day);
  }

  private static LocalDate addWorkingDays(LocalDate start, int n, Set<LocalDate> holidays) {
    LocalDate day = start;
    for (int left = n; left > 0; ) {
      day = day.plusDays(1);
      if (working(day, holidays)) {
        left--;
      }
    }
    return day;
  }

  private static int workingDaysBetween(LocalDate from, LocalDate to, Set<LocalDate> holidays) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (working(day, holidays)) {
        count++;
      }
    }
    return count;
  }

  /** Bytes a PDF reader (and a type detector) recognizes as PDF, padded to {@code size}. */
  static byte[] pdf(int size) {
    byte[] head =
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] pdf = new byte[Math.max(size, head.length + tail.length)];
    java.util.Arrays.fill(pdf, (byte) ' ');
    System.arraycopy(head, 0, pdf, 0, head.length);
    System.arraycopy(tail, 0, pdf, pdf.length - tail.length, tail.length);
    return pdf;
  }

  /** A real PNG image's bytes (1×1 pixel). */
  static byte[] png() {
    try (var out = new java.io.ByteArrayOutputStream()) {
      var image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
      javax.imageio.ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file of the content store of the server under test. */
  private static Set<Path> storedFiles() throws IOException {
    Path store = Path.of(System.getProperty("rokhsa.it.dir"), "arquillian", "content");
    if (!Files.isDirectory(store)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(store)) {
      return new HashSet<>(files.filter(Files::isRegularFile).toList());
    }
  }

  private static List<String> fields(JsonNode problem) {
    return stream(problem.path("errors")).map(e -> e.path("field").asText()).toList();
  }

  /** Sets a dossier up as if days had passed: its due date, and its awaited avis' due date. */
  static void pastDue(String base, LocalDate due, LocalDate avisDue) {
    String id = base.substring(base.lastIndexOf('/') + 1);
    Http.Response set =
        world
            .anonymous()
            .post(
                "api/_probe/clock/due-dates?dossier="
                    + id
                    + (due == null ? "" : "&due=" + due)
                    + (avisDue == null ? "" : "&avisDue=" + avisDue),
                "");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
  }

  /** Waits for the server's legal clock (every two seconds in these tests) to move the dossier. */
  static JsonNode awaitState(Http who, String base, String state) {
    long deadline = System.currentTimeMillis() + 60_000;
    JsonNode dossier = ok(who.get(base));
    while (!dossier.path("state").asText().equals(state) && System.currentTimeMillis() < deadline) {
      sleep(250);
      dossier = ok(who.get(base));
    }
    assertThat(dossier.path("state").asText()).as(dossier.toString()).isEqualTo(state);
    return dossier;
  }

  static void awaitCount(Callable<Integer> count, int expected) {
    long deadline = System.currentTimeMillis() + 60_000;
    try {
      while (count.call() < expected && System.currentTimeMillis() < deadline) {
        sleep(250);
      }
      assertThat(count.call()).isEqualTo(expected);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The avis reminders recorded in the tenant's audit trail for a dossier. */
  static int reminders(String reference) {
    JsonNode page =
        ok(
            world
                .national()
                .get(
                    "api/tenants/"
                        + T
                        + "/audit?subjectType=dossier&limit=1000&subjectId="
                        + reference));
    return (int)
        stream(page.path("entries"))
            .filter(e -> e.path("action").asText().equals("dossier.avis-reminder"))
            .count();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  static JsonNode created(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }
}
