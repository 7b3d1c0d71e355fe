package ma.rokhsa.infrastructure.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import ma.rokhsa.domain.model.document.Receipt;
import ma.rokhsa.domain.model.document.ReceiptItem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

class PdfReceiptRendererTest {

  static final PdfReceiptRenderer RENDERER = new PdfReceiptRenderer();
  static final URI TRACKING = URI.create("https://rokhsa.ma/suivi/K7QF-2M9X");

  static Receipt receipt(OffsetDateTime depositedAt, List<ReceiptItem> documents) {
    return new Receipt(
        "PC-06.141.01.0-2026-000123",
        "K7QF-2M9X",
        "Commune de Casablanca",
        "جماعة الدار البيضاء",
        "Permis de construire",
        "رخصة البناء",
        "Nabila Rmili",
        depositedAt,
        documents,
        TRACKING);
  }

  static List<ReceiptItem> documents(int count) {
    List<ReceiptItem> items = new ArrayList<>();
    String[][] kinds = {
      {"Plan de situation", "تصميم الموقع", "plan-situation.pdf"},
      {"Plan de masse", "تصميم الكتلة", "plan-masse.dwg"},
      {"Certificat de propriété", "شهادة الملكية", "certificat-propriete.jpg"},
      {"Plans d'architecture", "التصاميم المعمارية", "plans-architecte.zip"},
    };
    for (int i = 0; i < count; i++) {
      String[] kind = kinds[i % kinds.length];
      items.add(new ReceiptItem(kind[0], kind[1], kind[2], sha256(kind[2] + i)));
    }
    return items;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static final OffsetDateTime NOVEMBER = OffsetDateTime.parse("2026-11-29T14:05:00Z");

  @Test
  void statesTheReferenceTrackingCodeAndMoroccanTimeOnOneA4Page() throws Exception {
    byte[] pdf = RENDERER.render(receipt(NOVEMBER, documents(4)));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      PDRectangle size = document.getPage(0).getMediaBox();
      assertThat(size.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
      assertThat(size.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("PC-06.141.01.0-2026-000123")
          .contains("K7QF-2M9X")
          .contains("Récépissé de dépôt")
          .contains("Permis de construire")
          .contains("Nabila Rmili")
          .contains("Plan de situation")
          .contains("plan-masse.dwg")
          .contains("SHA-256 " + sha256("plan-situation.pdf0").substring(0, 16));
      // 14:05 UTC is 15:05 in Morocco (UTC+1 outside Ramadan).
      assertThat(frenchSide(document)).contains("Déposé le 29/11/2026 à 15:05 (heure du Maroc)");
    }
  }

  @Test
  void usesMoroccosTimeDuringRamadanToo() throws Exception {
    // Morocco moves back to UTC+0 during Ramadan: 1 March 2026 falls in it.
    byte[] pdf = RENDERER.render(receipt(OffsetDateTime.parse("2026-03-01T12:30:00Z"), List.of()));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(frenchSide(document)).contains("01/03/2026 à 12:30");
    }
  }

  @Test
  void theArabicReadsBackInLogicalOrder() throws Exception {
    // PDFBox's text extraction undoes the visual order and the contextual forms: what it reads
    // back equals what was typed only if shaping and ordering were right.
    String text = text(RENDERER.render(receipt(NOVEMBER, documents(4))));

    assertThat(text)
        .contains("جماعة الدار البيضاء")
        .contains("رخصة البناء")
        .contains("المملكة المغربية")
        .contains("وصل إيداع ملف")
        .contains("شهادة الملكية");
  }

  @Test
  void theQrCodeHoldsTheTrackingAddress() throws Exception {
    byte[] pdf = RENDERER.render(receipt(NOVEMBER, documents(4)));

    BufferedImage page = image(pdf, 150);
    Result result =
        new MultiFormatReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                Map.of(
                    DecodeHintType.POSSIBLE_FORMATS,
                    List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.TRY_HARDER,
                    Boolean.TRUE));

    assertThat(result.getBarcodeFormat()).isEqualTo(BarcodeFormat.QR_CODE);
    assertThat(result.getText()).isEqualTo(TRACKING.toString());
  }

  @Test
  void embedsEveryFontItUses() throws Exception {
    byte[] pdf = RENDERER.render(receipt(NOVEMBER, documents(4)));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = document.getPage(0);
      PDResources resources = page.getResources();
      List<String> names = new ArrayList<>();
      for (COSName name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        assertThat(font).isInstanceOf(PDType0Font.class);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2())
            .as(font.getName())
            .isNotNull();
        names.add(font.getName());
      }
      assertThat(names)
          .anyMatch(name -> name.endsWith("+NotoSans-Regular"))
          .anyMatch(name -> name.endsWith("+NotoSans-Bold"))
          .anyMatch(name -> name.endsWith("+NotoNaskhArabic-Regular"))
          .anyMatch(name -> name.endsWith("+NotoNaskhArabic-Bold"));
    }
  }

  @Test
  void statesTheFeeOfTheDossier() throws Exception {
    Receipt free = receipt(NOVEMBER, documents(2));
    Receipt paid =
        new Receipt(
            free.reference(),
            free.trackingCode(),
            free.tenantNameFr(),
            free.tenantNameAr(),
            free.procedureNameFr(),
            free.procedureNameAr(),
            free.applicantName(),
            free.depositedAt(),
            free.documents(),
            free.trackingUrl(),
            new java.math.BigDecimal("4300"));

    try (PDDocument document = Loader.loadPDF(RENDERER.render(paid))) {
      assertThat(frenchSide(document)).contains("Droits à payer 4 300,00 MAD");
    }
    try (PDDocument document = Loader.loadPDF(RENDERER.render(free))) {
      assertThat(frenchSide(document)).contains("Droits à payer 0,00 MAD");
    }
  }

  @Test
  void aLongListStaysOnOnePage() throws Exception {
    byte[] pdf = RENDERER.render(receipt(NOVEMBER, documents(16)));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(new PDFTextStripper().getText(document)).containsPattern("(?m)^16\\. ");
    }
  }

  @Test
  void aListTooLongForOnePageGoesOnOverNumberedPages() throws Exception {
    byte[] pdf = RENDERER.render(receipt(NOVEMBER, documents(80)));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(1);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      assertThat(stripper.getText(document)).contains("K7QF-2M9X").contains("1/" + pages);
      stripper.setStartPage(pages);
      stripper.setEndPage(pages);
      assertThat(stripper.getText(document))
          .contains("PC-06.141.01.0-2026-000123")
          .contains("Pièces déposées (suite)")
          .containsPattern("(?m)^80\\. ")
          .contains(pages + "/" + pages)
          .doesNotContainPattern("(?m)^1\\. ");
      String all = new PDFTextStripper().getText(document);
      for (int number = 1; number <= 80; number++) {
        assertThat(all).containsPattern("(?m)^" + number + "\\. ");
      }
    }
  }

  @Test
  void writesAPictureOfThePageForPeopleToLookAt() throws Exception {
    // Not an assertion on looks: a picture in target/ for reviewers to check the Arabic by eye.
    Path png = Path.of("target", "receipt-sample.png");
    Files.createDirectories(png.getParent());
    ImageIO.write(
        image(RENDERER.render(receipt(NOVEMBER, documents(4))), 110), "png", png.toFile());

    assertThat(png).isNotEmptyFile();
  }

  /**
   * The text of the page's left two thirds. Text extraction turns a line that holds Arabic into
   * logical order as a whole, which moves the digits of a French value next to an Arabic label;
   * without the Arabic labels the French reads back as drawn.
   */
  private static String frenchSide(PDDocument document) throws IOException {
    PDFTextStripperByArea stripper = new PDFTextStripperByArea();
    stripper.addRegion(
        "french",
        new Rectangle2D.Float(0, 0, PDRectangle.A4.getWidth() * 2 / 3, PDRectangle.A4.getHeight()));
    stripper.extractRegions(document.getPage(0));
    return stripper.getTextForRegion("french");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static BufferedImage image(byte[] pdf, int dpi) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFRenderer(document).renderImageWithDPI(0, dpi);
    }
  }
}
