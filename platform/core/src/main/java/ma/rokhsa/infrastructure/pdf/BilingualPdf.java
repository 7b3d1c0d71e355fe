package ma.rokhsa.infrastructure.pdf;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.ResourceBundle;
import ma.rokhsa.infrastructure.pdf.Typesetter.Weight;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * What every bilingual document the platform renders shares — the receipt, the authorization: the
 * A4 page and its margins, the embedded fonts (Noto Sans and Noto Naskh Arabic, read once from the
 * class path when this is made), the wording of {@code messages_fr} and {@code messages_ar} beside
 * this class, amounts as printed, and the house rule and gray. Thread-safe; a renderer holds one.
 *
 * <pre>{@code
 * Weight regular = pdf.regular(document);  // the fonts embedded (subsets) in this document
 * pdf.fr().getString("receipt.title");
 * BilingualPdf.rule(content, y);
 * }</pre>
 */
final class BilingualPdf {

  static final float WIDTH = PDRectangle.A4.getWidth();
  static final float HEIGHT = PDRectangle.A4.getHeight();
  static final float MARGIN = 42;
  static final float LEFT = MARGIN;
  static final float RIGHT = WIDTH - MARGIN;

  /** A column of the two-language layout: French on the left, Arabic on the right. */
  static final float COLUMN = (RIGHT - LEFT) / 2 - 12;

  static final float GRAY = 0.35f;
  static final float RULE = 0.75f;

  private static final String MESSAGES = "ma.rokhsa.infrastructure.pdf.messages";

  private final FontFace latin = FontFace.load("NotoSans-Regular.ttf");
  private final FontFace latinBold = FontFace.load("NotoSans-Bold.ttf");
  private final FontFace arabic = FontFace.load("NotoNaskhArabic-Regular.ttf");
  private final FontFace arabicBold = FontFace.load("NotoNaskhArabic-Bold.ttf");
  private final ResourceBundle fr = bundle("fr");
  private final ResourceBundle ar = bundle("ar");

  private static ResourceBundle bundle(String language) {
    return ResourceBundle.getBundle(
        MESSAGES,
        Locale.forLanguageTag(language),
        BilingualPdf.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The French wording. */
  ResourceBundle fr() {
    return fr;
  }

  /** The Arabic wording. */
  ResourceBundle ar() {
    return ar;
  }

  /** The regular fonts, embedded in {@code document}. */
  Weight regular(PDDocument document) throws IOException {
    return new Weight(latin, latin.embedIn(document), arabic, arabic.embedIn(document));
  }

  /** The bold fonts, embedded in {@code document}. */
  Weight bold(PDDocument document) throws IOException {
    return new Weight(
        latinBold, latinBold.embedIn(document), arabicBold, arabicBold.embedIn(document));
  }

  /**
   * An amount in dirhams as documents print it: {@code 4 300,00 MAD} (plain spaces, which both
   * embedded fonts have); {@code 0,00 MAD} for a free procedure.
   */
  static String amount(BigDecimal dirhams) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    return new DecimalFormat("#,##0.00", symbols).format(dirhams) + " MAD";
  }

  /** A gray rule across the page, at {@code y}. */
  static void rule(PDPageContentStream content, float y) throws IOException {
    content.setStrokingColor(GRAY);
    content.setLineWidth(RULE);
    content.moveTo(LEFT, y);
    content.lineTo(RIGHT, y);
    content.stroke();
  }
}
