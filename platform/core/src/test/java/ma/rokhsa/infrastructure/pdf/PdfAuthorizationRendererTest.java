package ma.rokhsa.infrastructure.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import ma.rokhsa.domain.model.document.Authorization;
import ma.rokhsa.domain.model.document.Authorization.Condition;
import ma.rokhsa.domain.model.document.Authorization.FeeLine;
import ma.rokhsa.domain.model.document.Authorization.Mandate;
import ma.rokhsa.plugin.api.procedure.Fee;
import ma.rokhsa.plugin.api.procedure.FormValues;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.definitions.YamlDefinitionLoader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The authorization of each shipped procedure plugin, rendered from its own {@code procedure.yaml}
 * and the first valid dossier of its {@code examples.yaml}; read back by poppler's {@code
 * pdftotext} (which no one here wrote) in both languages, and its QR code decoded by ZXing from the
 * page as PDFBox paints it.
 */
class PdfAuthorizationRendererTest {

  static final Path PLUGINS =
      Path.of(System.getProperty("rokhsa.root", "../..")).toAbsolutePath().resolve("plugins");
  static final PdfAuthorizationRenderer RENDERER = new PdfAuthorizationRenderer();
  static final OffsetDateTime ISSUED = OffsetDateTime.parse("2026-12-07T10:15:00Z");
  static final URI VERIFY =
      URI.create("https://rokhsa.ma/api/public/verification/7f3c2a9e-4b1d-4c8e-9a55-0d1e2f3a4b5c");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "permis-de-construire",
        "permis-d-habiter",
        "permis-de-demolir",
        "certificat-de-conformite",
        "occupation-domaine-public",
        "activite-economique"
      })
  void eachProcedureRendersItsAuthorizationInFrenchAndArabic(String plugin) throws Exception {
    ProcedureDefinition definition = definition(plugin);
    FormValues values = firstValidExample(plugin);
    Authorization authorization = authorization(definition, values, Optional.empty());

    byte[] pdf = RENDERER.render(authorization);
    String text = squeeze(pdftotext(pdf));

    assertThat(text)
        .contains(squeeze(definition.name().fr().toUpperCase(java.util.Locale.FRENCH)))
        // pdftotext mirrors brackets inside right-to-left runs: compare what comes before them.
        .contains(definition.name().ar().split("\\(")[0].strip())
        .contains("PC-06.181.01.05-2026-000042")
        .contains("Royaume du Maroc".toUpperCase(java.util.Locale.FRENCH))
        .contains("المملكة المغربية")
        .contains("Commune de Biougra")
        .contains("Nabila Rmili")
        .contains(authorization.documentId());
    for (String word : firstWords(authorization.textFr())) {
      assertThat(text).as("French text of " + plugin).contains(squeeze(logical(word)));
    }
    assertThat(decodeQr(pdf)).isEqualTo(VERIFY + "?sha256=" + authorization.contentHash());
  }

  @Test
  void thePermisDeConstruireStatesTheFactsLabelsLevelsConditionsFeesAndMandate() throws Exception {
    ProcedureDefinition definition = definition("permis-de-construire");
    FormValues values = firstValidExample("permis-de-construire");
    Authorization authorization =
        authorization(
            definition,
            values,
            Optional.of(
                new Mandate("Ahmed Ouali", "Président du Conseil communal", "DEL-2026-017")));

    byte[] pdf = RENDERER.render(authorization);
    String text = squeeze(pdftotext(pdf));

    assertThat(text)
        .as("the facts, the choice labels (not the stored values) and each level")
        .contains("T12345/19")
        .contains("Construction nouvelle")
        .contains("Habitation")
        .contains(logical("- RDC : 120 m²"))
        .contains(logical("- R+1 : 120 m²"))
        .contains("بناء جديد")
        .contains("سكن")
        .contains("Prévoir un extincteur par niveau.")
        .contains("Protection civile")
        .contains("الوقاية المدنية")
        .contains("2 400,00 MAD")
        .contains("Par délégation de Ahmed Ouali")
        .contains("DEL-2026-017")
        .contains("بالنيابة عن")
        .contains("07/12/2026");
    assertThat(decodeQr(pdf)).endsWith("?sha256=" + authorization.contentHash());
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentInformation().getCustomMetadataValue("RokhsaDocumentId"))
          .isEqualTo(authorization.documentId());
    }
  }

  @Test
  void theContentHashChangesWithAnyStatement() {
    ProcedureDefinition definition = definition("permis-de-construire");
    FormValues values = firstValidExample("permis-de-construire");
    Authorization plain = authorization(definition, values, Optional.empty());
    Authorization delegated =
        authorization(definition, values, Optional.of(new Mandate("A", "B", "C")));

    assertThat(plain.contentHash()).hasSize(64).isNotEqualTo(delegated.contentHash());
    assertThat(authorization(definition, values, Optional.empty()).contentHash())
        .isEqualTo(plain.contentHash());
  }

  // --- helpers -------------------------------------------------------------------------------

  static Authorization authorization(
      ProcedureDefinition definition, FormValues values, Optional<Mandate> mandate) {
    Function<String, String> platform =
        name ->
            switch (name) {
              case "reference" -> "PC-06.181.01.05-2026-000042";
              case "applicant" -> "Karim Benali";
              case "commune" -> "Biougra";
              case "date" -> LocalDate.of(2026, 12, 7).toString();
              default -> null;
            };
    String fr = definition.template().render("fr", definition.form(), values, platform);
    String ar = definition.template().render("ar", definition.form(), values, platform);
    Fee fee = definition.fees().apply(values);
    List<FeeLine> lines = new ArrayList<>();
    for (Fee.Item item : fee.items()) {
      lines.add(new FeeLine(item.label().fr(), item.label().ar(), item.amount()));
    }
    return new Authorization(
        "7f3c2a9e-4b1d-4c8e-9a55-0d1e2f3a4b5c",
        "PC-06.181.01.05-2026-000042",
        "Commune de Biougra",
        "جماعة بيوكرى",
        definition.name().fr(),
        definition.name().ar(),
        fr,
        ar,
        List.of(
            new Condition(
                "Protection civile", "الوقاية المدنية", "Prévoir un extincteur par niveau.")),
        lines,
        "Nabila Rmili",
        "Vice-présidente du Conseil communal",
        mandate,
        ISSUED,
        VERIFY);
  }

  static ProcedureDefinition definition(String plugin) {
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {PLUGINS.resolve(plugin + "/src/main/resources/").toUri().toURL()}, null)) {
      return new YamlDefinitionLoader(loader).load("procedure.yaml");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static FormValues firstValidExample(String plugin) {
    try {
      String yaml = Files.readString(PLUGINS.resolve(plugin + "/src/test/resources/examples.yaml"));
      List<Map<String, Object>> examples =
          (List<Map<String, Object>>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
      return examples.stream()
          .filter(e -> Boolean.TRUE.equals(e.get("valid")))
          .map(e -> FormValues.of((Map<String, Object>) e.get("values")))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A few words from the start of each of the first lines of the text. */
  static List<String> firstWords(String text) {
    List<String> words = new ArrayList<>();
    for (String line : text.strip().split("\\R")) {
      String[] parts = line.strip().split(" +");
      if (parts.length >= 3 && !line.contains("{{")) {
        words.add(parts[0] + " " + parts[1] + " " + parts[2]);
      }
      if (words.size() == 4) {
        break;
      }
    }
    return words;
  }

  /** Runs of white space as one space: line breaks fall where the page's width puts them. */
  static String squeeze(String text) {
    return text.replaceAll("\\s+", " ");
  }

  /**
   * What pdftotext writes, comparable with what was typed: Arabic presentation forms (the shaped
   * glyphs' code points) and Latin ligatures folded back by NFKC, bidi embedding marks dropped.
   */
  static String logical(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
        .replaceAll("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F]", "");
  }

  static String pdftotext(byte[] pdf) throws IOException, InterruptedException {
    Path file = Files.createTempFile("authorization-", ".pdf");
    try {
      Files.write(file, pdf);
      Process process =
          new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
              .redirectErrorStream(true)
              .start();
      byte[] out = process.getInputStream().readAllBytes();
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
      String text = new String(out, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(text).isZero();
      return logical(text);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  static String decodeQr(byte[] pdf) throws Exception {
    BufferedImage page;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      page = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 150);
    }
    Result result =
        new MultiFormatReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                Map.of(
                    DecodeHintType.POSSIBLE_FORMATS,
                    List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.TRY_HARDER,
                    Boolean.TRUE));
    return result.getText();
  }
}
