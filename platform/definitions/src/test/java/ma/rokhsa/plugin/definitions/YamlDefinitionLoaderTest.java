package ma.rokhsa.plugin.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.Condition;
import ma.rokhsa.plugin.api.procedure.DefinitionException;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.FeeSchedule;
import ma.rokhsa.plugin.api.procedure.Field;
import ma.rokhsa.plugin.api.procedure.FieldType;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.Section;
import ma.rokhsa.plugin.api.procedure.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlDefinitionLoaderTest {

  private final YamlDefinitionLoader loader =
      new YamlDefinitionLoader(YamlDefinitionLoaderTest.class.getClassLoader());

  @Test
  void aCompleteDefinitionLoadsWithEveryValue() {
    ProcedureDefinition definition = loader.load("definitions/complete.yaml");

    assertThat(definition.id()).isEqualTo("permis-de-construire");
    assertThat(definition.version()).isEqualTo("1.0.0");
    assertThat(definition.name())
        .isEqualTo(LocalizedText.of("Permis de construire", "رخصة البناء"));
    assertThat(definition.tenantKinds())
        .containsExactlyInAnyOrder("URBAN_COMMUNE", "RURAL_COMMUNE", "ARRONDISSEMENT");

    List<Section> sections = definition.form().sections();
    assertThat(sections).extracting(Section::id).containsExactly("terrain", "projet", "niveaux");
    Section terrain = sections.get(0);
    assertThat(terrain.label()).isEqualTo(LocalizedText.of("Terrain", "العقار"));
    assertThat(terrain.repeatable()).isFalse();
    assertThat(terrain.when()).isEmpty();
    assertThat(terrain.fields())
        .containsExactly(
            new Field(
                "titre_foncier",
                LocalizedText.of("Titre foncier", "الرسم العقاري"),
                FieldType.TEXT,
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.of("T\\d+/\\d+"),
                List.of(),
                Optional.empty()),
            new Field(
                "surface_terrain",
                LocalizedText.of("Surface du terrain (m²)", "مساحة العقار (م²)"),
                FieldType.DECIMAL,
                true,
                Optional.of(BigDecimal.ONE),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty()),
            new Field(
                "adresse",
                LocalizedText.of("Adresse du terrain", "عنوان العقار"),
                FieldType.TEXT,
                true,
                Optional.of(BigDecimal.valueOf(5)),
                Optional.of(BigDecimal.valueOf(200)),
                Optional.empty(),
                List.of(),
                Optional.empty()));

    Map<String, Field> fields = fieldsById(definition);
    assertThat(fields.get("nature").type()).isEqualTo(FieldType.CHOICE);
    assertThat(fields.get("nature").choices())
        .containsExactly(
            new Field.Choice(
                "construction", LocalizedText.of("Construction nouvelle", "بناء جديد")),
            new Field.Choice("extension", LocalizedText.of("Extension", "توسيع")));
    assertThat(fields.get("surface_existante").when())
        .contains(new Condition("nature", "extension"));
    assertThat(fields.get("surface_existante").min()).contains(BigDecimal.ZERO);
    assertThat(fields.get("surface_plancher").max()).contains(new BigDecimal("100000"));
    assertThat(fields.get("date_debut").type()).isEqualTo(FieldType.DATE);
    assertThat(fields.get("date_debut").required()).isFalse();
    assertThat(fields.get("logement_social").type()).isEqualTo(FieldType.BOOLEAN);
    assertThat(fields.get("architecte").required()).isTrue();

    Section niveaux = sections.get(2);
    assertThat(niveaux.repeatable()).isTrue();
    assertThat(niveaux.minOccurs()).isEqualTo(1);
    assertThat(niveaux.maxOccurs()).isEqualTo(20);
    assertThat(niveaux.when()).contains(new Condition("nature", "construction"));
    assertThat(fields.get("numero").type()).isEqualTo(FieldType.INTEGER);
    assertThat(fields.get("numero").min()).contains(new BigDecimal("-3"));
    assertThat(fields.get("numero").max()).contains(new BigDecimal("30"));
    assertThat(fields.get("surface_commerce").when()).contains(new Condition("usage", "commerce"));

    assertThat(definition.documents())
        .containsExactly(
            new DocumentRequirement(
                "titre-foncier",
                LocalizedText.of("Certificat de propriété", "شهادة الملكية"),
                true,
                List.of("application/pdf"),
                10L * 1024 * 1024,
                1,
                Optional.empty()),
            new DocumentRequirement(
                "plans",
                LocalizedText.of("Plans architecturaux", "التصاميم المعمارية"),
                true,
                List.of("application/pdf", "image/vnd.dwg"),
                50L * 1024 * 1024,
                10,
                Optional.empty()),
            new DocumentRequirement(
                "plan-existant",
                LocalizedText.of("Plan de l'existant", "تصميم البناية الموجودة"),
                true,
                List.of("application/pdf"),
                512L * 1024,
                1,
                Optional.of(new Condition("nature", "extension"))),
            new DocumentRequirement(
                "photos",
                LocalizedText.of("Photos du terrain", "صور العقار"),
                false,
                List.of("image/jpeg", "image/png"),
                2_000_000L,
                5,
                Optional.empty()));

    Workflow workflow = definition.workflow();
    assertThat(workflow.initial()).isEqualTo("depose");
    assertThat(workflow.states())
        .containsExactly(
            new Workflow.State(
                "depose", LocalizedText.of("Déposé", "مودع"), false, Optional.of(3), false),
            new Workflow.State(
                "complements",
                LocalizedText.of("En attente de compléments", "في انتظار الوثائق التكميلية"),
                false,
                Optional.of(30),
                false),
            new Workflow.State(
                "instruction",
                LocalizedText.of("En instruction", "قيد الدراسة"),
                false,
                Optional.of(10),
                false),
            new Workflow.State(
                "signature",
                LocalizedText.of("À signer", "في انتظار التوقيع"),
                false,
                Optional.of(2),
                true),
            new Workflow.State(
                "delivre", LocalizedText.of("Délivré", "مسلم"), true, Optional.empty(), false),
            new Workflow.State(
                "refuse", LocalizedText.of("Refusé", "مرفوض"), true, Optional.empty(), false),
            new Workflow.State(
                "abandonne",
                LocalizedText.of("Abandonné", "متخلى عنه"),
                true,
                Optional.empty(),
                false));
    assertThat(workflow.transitions())
        .containsExactly(
            new Workflow.Transition("accepter", "depose", "instruction", ActingRole.GUICHET_AGENT),
            new Workflow.Transition(
                "demander-complements", "depose", "complements", ActingRole.GUICHET_AGENT),
            new Workflow.Transition("completer", "complements", "depose", ActingRole.APPLICANT),
            new Workflow.Transition("abandonner", "complements", "abandonne", ActingRole.SYSTEM),
            new Workflow.Transition(
                "avis-favorable", "instruction", "signature", ActingRole.COMMISSION_MEMBER),
            new Workflow.Transition(
                "avis-defavorable", "instruction", "refuse", ActingRole.COMMISSION_MEMBER),
            new Workflow.Transition("signer", "signature", "delivre", ActingRole.SIGNATORY));
    assertThat(workflow.consultedBodies())
        .containsExactly(
            new Workflow.ConsultedBody(
                "agence-urbaine", LocalizedText.of("Agence urbaine", "الوكالة الحضرية"), true),
            new Workflow.ConsultedBody(
                "protection-civile",
                LocalizedText.of("Protection civile", "الوقاية المدنية"),
                false));
    assertThat(workflow.problems()).isEmpty();

    assertThat(definition.fees().lines())
        .containsExactly(
            new FeeSchedule.Line(
                LocalizedText.of("Droit de dépôt", "رسم الإيداع"),
                new BigDecimal("100"),
                Optional.empty(),
                BigDecimal.ZERO,
                Optional.empty()),
            new FeeSchedule.Line(
                LocalizedText.of("Taxe sur les constructions", "الرسم على عمليات البناء"),
                BigDecimal.ZERO,
                Optional.of("surface_plancher"),
                new BigDecimal("10"),
                Optional.of(new Condition("nature", "construction"))),
            new FeeSchedule.Line(
                LocalizedText.of("Taxe sur les extensions", "الرسم على عمليات التوسيع"),
                new BigDecimal("50"),
                Optional.of("surface_plancher"),
                new BigDecimal("7.5"),
                Optional.of(new Condition("nature", "extension"))));
    FormValues extension = FormValues.of(Map.of("nature", "extension", "surface_plancher", "40"));
    assertThat(definition.fees().apply(extension).total()).isEqualByComparingTo("450");

    Map<String, String> values =
        Map.of(
            "commune", "Tétouan",
            "applicant", "Salma Idrissi",
            "titre_foncier", "T12345/19",
            "adresse", "12, rue Al Jazaïr",
            "surface_plancher", "240",
            "architecte", "Omar Benjelloun",
            "reference", "PC-2026-000042",
            "date", "2026-11-29");
    assertThat(definition.template().render("fr", values::get))
        .isEqualTo(
            """
            Le président du conseil de la commune de Tétouan autorise Salma Idrissi
            à construire sur le terrain objet du titre foncier T12345/19, sis 12, rue Al Jazaïr,
            une surface de plancher de 240 m², selon les plans de Omar Benjelloun.
            Autorisation n° PC-2026-000042 du 2026-11-29.""");
    assertThat(definition.template().render("ar", values::get))
        .startsWith("يرخص رئيس مجلس جماعة Tétouan للسيد(ة) Salma Idrissi\n")
        .endsWith("رخصة رقم PC-2026-000042 بتاريخ 2026-11-29.");
  }

  @Test
  void aMinimalDefinitionTakesTheDefaults() {
    ProcedureDefinition definition = loader.load("definitions/minimal.yaml");

    Field objet = definition.form().fields().get(0);
    assertThat(objet.required()).isFalse();
    assertThat(objet.min()).isEmpty();
    assertThat(objet.pattern()).isEmpty();
    assertThat(definition.form().sections().get(0).repeatable()).isFalse();
    assertThat(definition.documents()).isEmpty();
    assertThat(definition.fees()).isEqualTo(FeeSchedule.free());
    assertThat(definition.workflow().consultedBodies()).isEmpty();
    assertThat(definition.workflow().state("depose").orElseThrow().silenceMeansAcceptance())
        .isFalse();
  }

  @Test
  void aResourceIsReadThroughTheClassLoaderGiven(@TempDir Path plugin) throws IOException {
    Files.copy(
        Path.of("src/test/resources/definitions/minimal.yaml"), plugin.resolve("procedure.yaml"));
    try (URLClassLoader pluginClassLoader =
        new URLClassLoader(new URL[] {plugin.toUri().toURL()}, null)) {
      YamlDefinitionLoader pluginLoader = new YamlDefinitionLoader(pluginClassLoader);

      assertThat(pluginLoader.load("procedure.yaml").id()).isEqualTo("essai");
      assertThat(pluginLoader.load("/procedure.yaml").id()).isEqualTo("essai");
      assertThat(problems(pluginLoader, "definitions/complete.yaml"))
          .containsExactly("definitions/complete.yaml: not found among the plugin's resources");
    }
  }

  @Test
  void aMissingResourceIsOneProblem() {
    DefinitionException e =
        catchThrowableOfType(DefinitionException.class, () -> loader.load("nowhere.yaml"));

    assertThat(e.problems())
        .containsExactly("nowhere.yaml: not found among the plugin's resources");
    assertThat(e).hasMessageContaining("nowhere.yaml: not found");
  }

  @Test
  void unknownKeysAreReportedWithTheKeysAllowed() {
    assertThat(problems("definitions/unknown-keys.yaml"))
        .containsExactly(
            "definitions/unknown-keys.yaml:5: unknown key 'description' in a procedure definition"
                + " (expected one of: id, version, name, tenant-kinds, form, documents, workflow,"
                + " fees, template)",
            "definitions/unknown-keys.yaml:11: unknown key 'lable' in a field (expected one of:"
                + " id, label, type, required, min, max, pattern, choices, when)",
            "definitions/unknown-keys.yaml:11: 'label' is required",
            "definitions/unknown-keys.yaml:15: unknown key 'delai' in a state (expected one of:"
                + " id, label, terminal, deadline-working-days, silence-means-acceptance)",
            "definitions/unknown-keys.yaml:16: unknown key 'en' in 'label' (expected one of: fr,"
                + " ar)");
  }

  @Test
  void valuesOfTheWrongTypeAreReportedWhereTheyAre() {
    assertThat(problems("definitions/wrong-types.yaml"))
        .containsExactly(
            "definitions/wrong-types.yaml:4: 'tenant-kinds' must be a list ([a, b] or one '- item'"
                + " a line)",
            "definitions/wrong-types.yaml:10: 'required' must be true or false, not 'oui'",
            "definitions/wrong-types.yaml:11: 'min' must be a number, not 'beaucoup'",
            "definitions/wrong-types.yaml:12: 'max' of an INTEGER field must be a whole number",
            "definitions/wrong-types.yaml:13: 'type' must be one of TEXT, INTEGER, DECIMAL, DATE,"
                + " BOOLEAN, CHOICE, not 'NUMBER'",
            "definitions/wrong-types.yaml:14: 'min' applies to TEXT (a length), INTEGER and DECIMAL"
                + " fields, not to DATE ones",
            "definitions/wrong-types.yaml:15: 'id' must be a single value, not a list",
            "definitions/wrong-types.yaml:21: 'deadline-working-days' must be a whole number of at"
                + " least 1, not 'dix'",
            "definitions/wrong-types.yaml:24: 'by' must be one of APPLICANT, GUICHET_AGENT,"
                + " COMMISSION_MEMBER, SIGNATORY, SYSTEM, not 'MAIRE'",
            "definitions/wrong-types.yaml:25: 'fees' must be a list ([a, b] or one '- item' a"
                + " line)");
  }

  @Test
  void invalidIdsAreReported() {
    assertThat(problems("definitions/invalid-ids.yaml"))
        .containsExactly(
            "definitions/invalid-ids.yaml:1: 'id' must be kebab-case (permis-de-construire), not"
                + " 'Permis_De_Construire'",
            "definitions/invalid-ids.yaml:2: 'version' must be MAJOR.MINOR.PATCH (1.0.0), not"
                + " '1.0'",
            "definitions/invalid-ids.yaml:4: a tenant kind is written in capitals (URBAN_COMMUNE),"
                + " not 'urban-commune'",
            "definitions/invalid-ids.yaml:7: 'id' must be snake_case (surface_terrain), not"
                + " 'Demande'",
            "definitions/invalid-ids.yaml:10: 'id' must be snake_case (surface_terrain), not"
                + " 'objet-demande'",
            "definitions/invalid-ids.yaml:11: 'date' is a value the platform gives the template"
                + " itself (reference, applicant, commune, date): choose another id",
            "definitions/invalid-ids.yaml:13: 'id' must be kebab-case (plan-de-situation), not"
                + " 'plan_situation'",
            "definitions/invalid-ids.yaml:13: a media type is written type/subtype in lower case"
                + " (application/pdf), not 'PDF'",
            "definitions/invalid-ids.yaml:18: 'id' must be kebab-case (en-instruction), not"
                + " 'Delivre'",
            "definitions/invalid-ids.yaml:20: 'action' must be kebab-case (demander-complements),"
                + " not 'Delivrer'");
  }

  @Test
  void everyTextNeedsFrenchAndArabic() {
    assertThat(problems("definitions/texts.yaml"))
        .containsExactly(
            "definitions/texts.yaml:3: 'name' needs a text in both languages, French (fr) and"
                + " Arabic (ar): 'ar' missing",
            "definitions/texts.yaml:8: 'label' must be a text in both languages: {fr: …, ar: …}",
            "definitions/texts.yaml:10: 'fr' needs a value",
            "definitions/texts.yaml:15: 'label' needs a text in both languages, French (fr) and"
                + " Arabic (ar): 'fr' missing",
            "definitions/texts.yaml:23: 'template' needs a text in both languages, French (fr) and"
                + " Arabic (ar): 'ar' missing");
  }

  @Test
  void boundsPatternsChoicesAndIdsOfTheFormAreChecked() {
    assertThat(problems("definitions/form-rules.yaml"))
        .containsExactly(
            "definitions/form-rules.yaml:4: tenant kind URBAN_COMMUNE is given twice",
            "definitions/form-rules.yaml:10: 'min' must be a whole number of at least 0, not '-1'",
            "definitions/form-rules.yaml:11: 'max' must be at least 'min'",
            "definitions/form-rules.yaml:11: 'pattern' applies to TEXT fields only",
            "definitions/form-rules.yaml:12: 'choices' applies to CHOICE fields only",
            "definitions/form-rules.yaml:18: choice 'neuf' is given twice",
            "definitions/form-rules.yaml:19: 'objet' is already the id of a section or field (line"
                + " 10); ids are unique in the form",
            "definitions/form-rules.yaml:19: 'social' is a BOOLEAN field: compare it with true or"
                + " false",
            "definitions/form-rules.yaml:22: 'max' (2) must be at least 'min' (3)",
            "definitions/form-rules.yaml:27: 'max' is required",
            "definitions/form-rules.yaml:28: a section needs at least one field");
  }

  @Test
  void whatTheApiRecordsRejectIsReportedAtTheLineOfTheRecord() {
    assertThat(problems("definitions/record-rules.yaml"))
        .containsExactly("definitions/record-rules.yaml:12: choice field nature needs choices");
  }

  @Test
  void conditionsFeesAndTheTemplateMustNameFieldsTheyCanSee() {
    assertThat(problems("definitions/cross-references.yaml"))
        .containsExactly(
            "definitions/cross-references.yaml:9: section 'demande' cannot depend on its own field"
                + " 'objet'",
            "definitions/cross-references.yaml:18: 'renovation' is not a choice of 'nature'"
                + " (construction, extension)",
            "definitions/cross-references.yaml:19: field 'social' cannot depend on itself",
            "definitions/cross-references.yaml:24: a condition inside the repeatable section"
                + " 'niveaux' can only look at a field of that section, not 'nature'",
            "definitions/cross-references.yaml:27: 'usage' is in the repeatable section 'niveaux',"
                + " which has one value per occurrence: 'when' can only name a field outside"
                + " repeatable sections",
            "definitions/cross-references.yaml:28: 'when' names no field of the form: 'inconnu'",
            "definitions/cross-references.yaml:37: 'per-unit-of' must name an INTEGER or DECIMAL"
                + " field; 'objet' is TEXT",
            "definitions/cross-references.yaml:38: 'surface' is in the repeatable section"
                + " 'niveaux', which has one value per occurrence: 'per-unit-of' can only name a"
                + " field outside repeatable sections",
            "definitions/cross-references.yaml:39: 'per-unit-of' names no field of the form:"
                + " 'hauteur'",
            "definitions/cross-references.yaml:43: 'surface' is in the repeatable section"
                + " 'niveaux', which has one value per occurrence: the template names it only"
                + " inside {{#niveaux}}…{{/niveaux}}",
            "definitions/cross-references.yaml:43: the template names no field of the form:"
                + " 'inconnu'",
            "definitions/cross-references.yaml:46: 'surface' is in the repeatable section"
                + " 'niveaux', which has one value per occurrence: the template names it only"
                + " inside {{#niveaux}}…{{/niveaux}}",
            "definitions/cross-references.yaml:46: the template names no field of the form:"
                + " 'inconnu'");
  }

  @Test
  void theShapeOfTheWorkflowIsReportedAtTheStatesAtFault() {
    assertThat(problems("definitions/workflow-shape.yaml"))
        .containsExactly(
            "definitions/workflow-shape.yaml:13: no terminal state can be reached",
            "definitions/workflow-shape.yaml:16: state instruction is not terminal but has no way"
                + " out",
            "definitions/workflow-shape.yaml:16: state instruction has no legal deadline",
            "definitions/workflow-shape.yaml:17: state oublie cannot be reached from depose",
            "definitions/workflow-shape.yaml:18: state delivre cannot be reached from depose");
  }

  @Test
  void statesTransitionsAndConsultedBodiesAreChecked() {
    assertThat(problems("definitions/workflow-parts.yaml"))
        .containsExactly(
            "definitions/workflow-parts.yaml:12: initial state 'recu' is not one of the states",
            "definitions/workflow-parts.yaml:15: state 'depose' is already declared (line 14)",
            "definitions/workflow-parts.yaml:16: a terminal state has no deadline: a dossier's life"
                + " ends there",
            "definitions/workflow-parts.yaml:18: 'silence-means-acceptance' needs a"
                + " 'deadline-working-days' for the silence to last",
            "definitions/workflow-parts.yaml:21: action 'delivrer' from 'depose' is already"
                + " declared (line 20): an action leads to one state",
            "definitions/workflow-parts.yaml:22: 'to' names no state of the workflow: 'archive'",
            "definitions/workflow-parts.yaml:23: 'refuse' is a terminal state: no transition leaves"
                + " it",
            "definitions/workflow-parts.yaml:26: consulted body 'agence-urbaine' is already"
                + " declared (line 25)");
  }

  @Test
  void documentsFeesAndPatternsAreChecked() {
    assertThat(problems("definitions/documents-and-fees.yaml"))
        .containsExactly(
            "definitions/documents-and-fees.yaml:10: 'pattern' is not a valid regular expression:"
                + " Unclosed character class near index 3",
            "definitions/documents-and-fees.yaml:12: 'max-size' must be a positive size in bytes,"
                + " KB or MB (10MB, 512KB, 200000), not '10GB'",
            "definitions/documents-and-fees.yaml:13: document 'plan' is already declared (line"
                + " 12)",
            "definitions/documents-and-fees.yaml:13: 'media-types' needs at least one type"
                + " (application/pdf)",
            "definitions/documents-and-fees.yaml:13: 'max-size' must be a positive size in bytes,"
                + " KB or MB (10MB, 512KB, 200000), not '0'",
            "definitions/documents-and-fees.yaml:13: 'max-count' must be a whole number of at least"
                + " 1, not '0'",
            "definitions/documents-and-fees.yaml:14: media type image/png is given twice",
            "definitions/documents-and-fees.yaml:14: 'max-size' is required",
            "definitions/documents-and-fees.yaml:23: 'fixed' cannot be negative",
            "definitions/documents-and-fees.yaml:24: 'per-unit' needs what it counts:"
                + " 'per-unit-of', 'per-day-between' or 'per-item-of'",
            "definitions/documents-and-fees.yaml:25: a fee line needs 'fixed', or 'per-unit' with"
                + " what it counts ('per-unit-of', 'per-day-between' or 'per-item-of'), or both");
  }

  @Test
  void placeholdersOfTheTemplateAreChecked() {
    assertThat(problems("definitions/template.yaml"))
        .containsExactly(
            "definitions/template.yaml:11: 'commune' is a value the platform gives the template"
                + " itself (reference, applicant, commune, date): choose another id",
            "definitions/template.yaml:20: the French text lacks {{objet}}, which the Arabic text"
                + " has",
            "definitions/template.yaml:22: '{{Objet}}' is not a placeholder: write {{field_id}},"
                + " {{choice_field_id.label}}, {{#repeatable_section}}…{{/repeatable_section}}, or"
                + " one of {{reference}}, {{applicant}}, {{commune}}, {{date}}",
            "definitions/template.yaml:23: '{{' is not closed by '}}'",
            "definitions/template.yaml:24: the Arabic text lacks {{date}}, which the French text"
                + " has");
  }

  @Test
  void mistakesInConditionalBodiesFeeUnitsLabelsAndBlocksAreReported() {
    assertThat(problems("definitions/format-features.yaml"))
        .containsExactly(
            "definitions/format-features.yaml:27: at least one consulted body must be consulted on every dossier (without 'when'), so that the commission always has an avis to wait for",
            "definitions/format-features.yaml:27: 'ferme' is a BOOLEAN field: compare it with true or false",
            "definitions/format-features.yaml:29: 'per-day-between' must name DATE fields; 'objet' is TEXT",
            "definitions/format-features.yaml:30: 'jour' is in the repeatable section 'lieux', which has one value per occurrence: 'per-day-between' can only name a field outside repeatable sections",
            "definitions/format-features.yaml:31: 'per-day-between' names two DATE fields, the first day and the last: [date_debut, date_fin]",
            "definitions/format-features.yaml:32: 'per-item-of' names a section that is not repeatable: 'demande'",
            "definitions/format-features.yaml:33: a fee line counts its units one way: give one of 'per-unit-of', 'per-day-between' and 'per-item-of', not 'per-unit-of' and 'per-item-of'",
            "definitions/format-features.yaml:33: 'per-unit-of' must name an INTEGER or DECIMAL field; 'objet' is TEXT",
            "definitions/format-features.yaml:34: 'per-item-of' needs 'per-unit', the amount per unit",
            "definitions/format-features.yaml:37: {{reference}} is the platform's: it has no .label",
            "definitions/format-features.yaml:37: {{objet.label}}: only a CHOICE field has labels for its values; 'objet' is TEXT, write {{objet}}",
            "definitions/format-features.yaml:37: 'jour' is in the repeatable section 'lieux', which has one value per occurrence: the template names it only inside {{#lieux}}…{{/lieux}}",
            "definitions/format-features.yaml:38: the template's block names a section that is not repeatable: 'demande'; write {{#section}}…{{/section}} with a repeatable section",
            "definitions/format-features.yaml:39: {{#lieux}} opens a block inside {{#lieux}} (line 39): blocks do not nest",
            "definitions/format-features.yaml:40: {{/objet}} closes no block",
            "definitions/format-features.yaml:41: {{#lieux}} is not closed by {{/lieux}}",
            "definitions/format-features.yaml:43: {{reference}} is the platform's: it has no .label",
            "definitions/format-features.yaml:43: {{objet.label}}: only a CHOICE field has labels for its values; 'objet' is TEXT, write {{objet}}",
            "definitions/format-features.yaml:43: 'jour' is in the repeatable section 'lieux', which has one value per occurrence: the template names it only inside {{#lieux}}…{{/lieux}}",
            "definitions/format-features.yaml:44: the template's block names a section that is not repeatable: 'demande'; write {{#section}}…{{/section}} with a repeatable section",
            "definitions/format-features.yaml:45: {{#lieux}} opens a block inside {{#lieux}} (line 45): blocks do not nest",
            "definitions/format-features.yaml:46: {{/objet}} closes no block",
            "definitions/format-features.yaml:47: {{#lieux}} is not closed by {{/lieux}}");
  }

  /**
   * The vendor example's autorisation de tournage, which the format page shows, uses every feature
   * added for it: a body consulted under a condition, fees per day and per item, choice labels and
   * a list in the template.
   */
  @Test
  void theTournageExampleConsultsFeesAndRendersByItsValues() throws IOException {
    Path resources = Path.of("../../docs/examples/vendor-plugin/src/main/resources");
    try (URLClassLoader plugin = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
      ProcedureDefinition definition =
          new YamlDefinitionLoader(plugin).load("tournage/procedure.yaml");

      Workflow.ConsultedBody police = definition.workflow().consultedBodies().get(1);
      assertThat(police.when()).contains(new Condition("fermeture_voie", "true"));
      FormValues closed =
          FormValues.of(
              Map.of(
                  "fermeture_voie",
                  true,
                  "premier_jour",
                  "2026-12-14",
                  "dernier_jour",
                  "2026-12-16",
                  "genre",
                  "serie",
                  "societe",
                  "Atlas Productions",
                  "titre_oeuvre",
                  "Les jardins",
                  "lieux",
                  List.of(
                      Map.of("adresse", "Rue Tahar Sebti", "type_lieu", "rue"),
                      Map.of("adresse", "Place Mohammed V", "type_lieu", "place"))));
      FormValues open = FormValues.of(Map.of("fermeture_voie", false));
      assertThat(definition.workflow().consultedBodies(closed))
          .extracting(Workflow.ConsultedBody::id)
          .containsExactly("autorite-locale", "surete-nationale");
      assertThat(definition.workflow().consultedBodies(open))
          .extracting(Workflow.ConsultedBody::id)
          .containsExactly("autorite-locale");

      List<FeeSchedule.Line> lines = definition.fees().lines();
      assertThat(lines.get(1).perDayBetween())
          .contains(new FeeSchedule.DayRange("premier_jour", "dernier_jour"));
      assertThat(lines.get(2).perItemOf()).contains("lieux");
      assertThat(definition.fees().apply(closed).items())
          .extracting(item -> item.amount().toPlainString())
          .containsExactly("200.00", "3000.00", "600.00", "500.00");
      assertThat(definition.fees().apply(open).total())
          .as("no dates, no places: the days and places count nothing")
          .isEqualByComparingTo("200");

      Map<String, String> platform =
          Map.of(
              "commune", "Casablanca",
              "applicant", "Salma Idrissi",
              "reference", "R-1",
              "date", "2026-12-01");
      String fr = definition.template().render("fr", definition.form(), closed, platform::get);
      assertThat(fr)
          .contains("« Les jardins » (série) du 2026-12-14 au\n2026-12-16")
          .contains(
              "aux lieux suivants :\n- Rue Tahar Sebti (rue)\n- Place Mohammed V (place publique)\n\n");
      assertThat(definition.template().render("ar", definition.form(), closed, platform::get))
          .contains("(مسلسل)", "- Rue Tahar Sebti (شارع)\n- Place Mohammed V (ساحة عمومية)\n");
    }
  }

  @Test
  void everyProblemIsReportedAtOnceInTheOrderOfTheLines() {
    assertThat(problems("definitions/many-errors.yaml"))
        .containsExactly(
            "definitions/many-errors.yaml:1: 'id' must be kebab-case (permis-de-construire), not"
                + " 'Essai'",
            "definitions/many-errors.yaml:3: 'name' needs a text in both languages, French (fr) and"
                + " Arabic (ar): 'ar' missing",
            "definitions/many-errors.yaml:10: unknown key 'obligatoire' in a field (expected one"
                + " of: id, label, type, required, min, max, pattern, choices, when)",
            "definitions/many-errors.yaml:11: 'required' must be true or false, not 'yes'",
            "definitions/many-errors.yaml:12: 'when' names no field of the form: 'genre'",
            "definitions/many-errors.yaml:14: 'max-size' must be a positive size in bytes, KB or MB"
                + " (10MB, 512KB, 200000), not '10 Mo'",
            "definitions/many-errors.yaml:19: state instruction cannot be reached from depose",
            "definitions/many-errors.yaml:19: state instruction is not terminal but has no way out",
            "definitions/many-errors.yaml:24: 'per-unit-of' must name an INTEGER or DECIMAL field;"
                + " 'nature' is TEXT");
  }

  @Test
  void resourcesThatAreNotADefinitionAreReported() {
    assertThat(problems("definitions/syntax.yaml"))
        .containsExactly(
            "definitions/syntax.yaml:3: not valid YAML: expected ',' or ']', but got <stream end>");
    assertThat(problems("definitions/empty.yaml"))
        .containsExactly("definitions/empty.yaml: is empty");
    assertThat(problems("definitions/not-a-mapping.yaml"))
        .containsExactly(
            "definitions/not-a-mapping.yaml:1: a procedure definition must be a mapping (key:"
                + " value)");
  }

  @Test
  void theFormatPageShowsTheCompleteExampleAsTested() throws IOException {
    String page = Files.readString(Path.of("procedure-format.md"));
    String example = Files.readString(Path.of("src/test/resources/definitions/complete.yaml"));

    // The resource starts with a comment saying what it is; the page says it in prose.
    assertThat(page).contains("```yaml\n" + example.substring(example.indexOf('\n') + 1) + "```");
  }

  @Test
  void theFormatPageShowsTheTournageExampleAsTested() throws IOException {
    String page = Files.readString(Path.of("procedure-format.md"));
    String example =
        Files.readString(
            Path.of(
                "../../docs/examples/vendor-plugin/src/main/resources/tournage/procedure.yaml"));

    assertThat(page).contains("```yaml\n" + example + "```");
  }

  private static Map<String, Field> fieldsById(ProcedureDefinition definition) {
    return definition.form().fields().stream().collect(Collectors.toMap(Field::id, field -> field));
  }

  private List<String> problems(String resource) {
    return problems(loader, resource);
  }

  private static List<String> problems(YamlDefinitionLoader loader, String resource) {
    DefinitionException e =
        catchThrowableOfType(DefinitionException.class, () -> loader.load(resource));
    assertThat(e).as("%s should not load", resource).isNotNull();
    return e.problems();
  }
}
