package ma.rokhsa.infrastructure.pdf;

import static ma.rokhsa.infrastructure.pdf.BilingualPdf.COLUMN;
import static ma.rokhsa.infrastructure.pdf.BilingualPdf.GRAY;
import static ma.rokhsa.infrastructure.pdf.BilingualPdf.HEIGHT;
import static ma.rokhsa.infrastructure.pdf.BilingualPdf.LEFT;
import static ma.rokhsa.infrastructure.pdf.BilingualPdf.MARGIN;
import static ma.rokhsa.infrastructure.pdf.BilingualPdf.RIGHT;
import static ma.rokhsa.infrastructure.pdf.BilingualPdf.RULE;
import static ma.rokhsa.infrastructure.pdf.BilingualPdf.WIDTH;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import ma.rokhsa.domain.model.document.Receipt;
import ma.rokhsa.domain.model.document.ReceiptItem;
import ma.rokhsa.domain.model.document.ReceiptRenderer;
import ma.rokhsa.infrastructure.pdf.Typesetter.Align;
import ma.rokhsa.infrastructure.pdf.Typesetter.Weight;
import ma.rokhsa.infrastructure.pdf.VisualText.Direction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The receipt (récépissé de dépôt) as a one-page A4 PDF: French on the left, read left to right;
 * Arabic on the right, read right to left; the Kingdom and the administration, the reference, the
 * deposit's date and time in Morocco, the procedure, the applicant, the fee, each document with the
 * start of its SHA-256, and the tracking code with a QR code of the tracking address. Noto Sans and
 * Noto Naskh Arabic are embedded (subsets); the wording comes from {@code messages_fr} and {@code
 * messages_ar} beside this class. A list of documents too long for the first page goes on over more
 * pages (numbered), the first keeping everything else. Thread-safe; the fonts are read once, when
 * it is created.
 */
@ApplicationScoped
public class PdfReceiptRenderer implements ReceiptRenderer {

  /** Receipts state Morocco's legal time, whatever the server's zone. */
  public static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

  /** How many leading hexadecimal digits of a SHA-256 the receipt prints. */
  public static final int SHORT_HASH = 16;

  private static final float TRACKING_TOP = 238;
  private static final float QR_SIZE = 112;
  private static final float TWO_LINE_ROW = 30;
  private static final float ONE_LINE_ROW = 14;

  private final BilingualPdf pdf = new BilingualPdf();
  private final ResourceBundle fr = pdf.fr();
  private final ResourceBundle ar = pdf.ar();

  @Override
  public byte[] render(Receipt receipt) {
    try (PDDocument document = new PDDocument()) {
      Weight regular = pdf.regular(document);
      Weight bold = pdf.bold(document);
      int listed = 0;
      do {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          Drawing drawing = new Drawing(receipt, content, new Typesetter(content, regular, bold));
          listed = listed == 0 ? drawing.draw() : drawing.continuation(listed);
        }
      } while (listed < receipt.documents().size());
      numberPages(document, regular);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(MessageFormat.format(fr.getString("receipt.pdf-title"), receipt.reference()));
      info.setCreator("Rokhsa");
      document.getDocumentCatalog().setLanguage("fr-MA");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("rendering the receipt " + receipt.reference() + " failed", e);
    }
  }

  /** "1/2" at the foot of each page, when the list of documents needed more than one. */
  private static void numberPages(PDDocument document, Weight regular) throws IOException {
    int pages = document.getNumberOfPages();
    if (pages == 1) {
      return;
    }
    for (int number = 1; number <= pages; number++) {
      try (PDPageContentStream content =
          new PDPageContentStream(
              document, document.getPage(number - 1), AppendMode.APPEND, true, true)) {
        content.setNonStrokingColor(GRAY);
        new Typesetter(content, regular, regular)
            .draw(
                number + "/" + pages,
                Direction.LEFT_TO_RIGHT,
                false,
                8,
                WIDTH / 2,
                MARGIN - 16,
                Align.CENTER,
                100);
      }
    }
  }

  /** The drawing of one receipt, from the top of the page down. */
  private final class Drawing {

    private final Receipt receipt;
    private final PDPageContentStream content;
    private final Typesetter text;

    Drawing(Receipt receipt, PDPageContentStream content, Typesetter text) {
      this.receipt = receipt;
      this.content = content;
      this.text = text;
    }

    /** The first page, with as many documents as it holds; returns how many it listed. */
    int draw() throws IOException {
      float y = header(HEIGHT - MARGIN - 10);
      y = title(y - 34);
      y = fields(y - 30);
      int listed = documents(y - 18, TRACKING_TOP + 16, 0, true);
      tracking();
      footer();
      return listed;
    }

    /**
     * A page that continues the list of documents from {@code from}: the header and the reference
     * again, then the list. Returns how many documents are listed once it is drawn.
     */
    int continuation(int from) throws IOException {
      float y = header(HEIGHT - MARGIN - 10);
      y = field("receipt.reference", receipt.reference(), Direction.LEFT_TO_RIGHT, true, y - 26);
      return documents(y - 10, MARGIN + 10, from, false);
    }

    private float header(float y) throws IOException {
      french(fr.getString("receipt.kingdom").toUpperCase(Locale.FRENCH), true, 11, LEFT, y);
      arabic(ar.getString("receipt.kingdom"), true, 13, RIGHT, y);
      french(receipt.tenantNameFr(), false, 10, LEFT, y - 16);
      arabic(receipt.tenantNameAr(), false, 12, RIGHT, y - 16);
      rule(y - 28);
      return y - 28;
    }

    private float title(float y) throws IOException {
      gray(0);
      text.draw(
          fr.getString("receipt.title"),
          Direction.LEFT_TO_RIGHT,
          true,
          18,
          WIDTH / 2,
          y,
          Align.CENTER,
          RIGHT - LEFT);
      text.draw(
          ar.getString("receipt.title"),
          Direction.RIGHT_TO_LEFT,
          true,
          18,
          WIDTH / 2,
          y - 26,
          Align.CENTER,
          RIGHT - LEFT);
      return y - 26;
    }

    private float fields(float y) throws IOException {
      String depositedAt =
          receipt.depositedAt().atZoneSameInstant(MOROCCO).format(pattern(fr))
              + " ("
              + fr.getString("receipt.time-zone")
              + ")";
      y = field("receipt.reference", receipt.reference(), Direction.LEFT_TO_RIGHT, true, y);
      y = field("receipt.deposited-at", depositedAt, Direction.LEFT_TO_RIGHT, false, y);
      y = field("receipt.procedure", receipt.procedureNameFr(), Direction.LEFT_TO_RIGHT, false, y);
      value(receipt.procedureNameAr(), Direction.RIGHT_TO_LEFT, false, y + 2);
      y -= 18;
      y = field("receipt.applicant", receipt.applicantName(), Direction.FIRST_STRONG, false, y);
      return field(
          "receipt.fee", BilingualPdf.amount(receipt.fee()), Direction.LEFT_TO_RIGHT, true, y);
    }

    /** A row: French label, value, Arabic label. Returns where the next row goes. */
    private float field(String key, String value, Direction direction, boolean strong, float y)
        throws IOException {
      gray(GRAY);
      french(fr.getString(key), false, 10, LEFT, y);
      arabic(ar.getString(key), false, 12, RIGHT, y);
      value(value, direction, strong, y);
      return y - 20;
    }

    /** A value between the labels: Latin text starts after the French label, Arabic ends before. */
    private void value(String value, Direction direction, boolean strong, float y)
        throws IOException {
      gray(0);
      float start = LEFT + 118;
      float end = RIGHT - 100;
      boolean rightToLeft =
          direction == Direction.RIGHT_TO_LEFT
              || direction == Direction.FIRST_STRONG && startsRightToLeft(value);
      text.draw(
          value,
          direction,
          strong,
          11,
          rightToLeft ? end : start,
          y,
          rightToLeft ? Align.RIGHT : Align.LEFT,
          end - start);
    }

    /**
     * The documents from {@code from} on, as many as fit between {@code top} and {@code bottom}:
     * two lines each (label, then file name and hash) when the whole list fits so on the first
     * page, one line each otherwise. Returns how many documents are listed once it is drawn.
     */
    private int documents(float top, float bottom, int from, boolean firstPage) throws IOException {
      List<ReceiptItem> items = receipt.documents();
      String suffix = firstPage ? "" : " (" + fr.getString("receipt.continued") + ")";
      gray(0);
      french(fr.getString("receipt.documents") + suffix, true, 11, LEFT, top);
      String arabicSuffix = firstPage ? "" : " (" + ar.getString("receipt.continued") + ")";
      arabic(ar.getString("receipt.documents") + arabicSuffix, true, 13, RIGHT, top);
      rule(top - 8);
      float available = top - 8 - bottom;
      boolean twoLines = firstPage && items.size() * TWO_LINE_ROW <= available;
      float rowHeight = twoLines ? TWO_LINE_ROW : ONE_LINE_ROW;
      int fits = Math.max(1, (int) (available / rowHeight));
      int to = Math.min(items.size(), from + fits);
      float y = top - 8 - 14;
      for (int index = from; index < to; index++) {
        ReceiptItem item = items.get(index);
        String hash = item.sha256().substring(0, SHORT_HASH) + "…";
        float size = twoLines ? 10 : 9;
        gray(0);
        text.draw(
            (index + 1) + ". " + item.labelFr(),
            Direction.LEFT_TO_RIGHT,
            false,
            size,
            LEFT,
            y,
            Align.LEFT,
            COLUMN - 50);
        text.draw(
            item.labelAr(),
            Direction.RIGHT_TO_LEFT,
            false,
            size + 1,
            RIGHT,
            y,
            Align.RIGHT,
            COLUMN - 50);
        gray(GRAY);
        if (twoLines) {
          text.draw(
              item.fileName(),
              Direction.FIRST_STRONG,
              false,
              8,
              LEFT + 12,
              y - 12,
              Align.LEFT,
              COLUMN);
          text.draw(
              fr.getString("receipt.fingerprint") + " " + hash,
              Direction.LEFT_TO_RIGHT,
              false,
              8,
              RIGHT,
              y - 12,
              Align.RIGHT,
              COLUMN);
        } else {
          text.draw(hash, Direction.LEFT_TO_RIGHT, false, 7.5f, WIDTH / 2, y, Align.CENTER, 100);
        }
        y -= rowHeight;
      }
      return to;
    }

    private void tracking() throws IOException {
      float top = TRACKING_TOP;
      float bottom = top - 150;
      content.setStrokingColor(GRAY);
      content.setLineWidth(RULE);
      content.addRect(LEFT, bottom, RIGHT - LEFT, top - bottom);
      content.stroke();
      float side = (RIGHT - LEFT - QR_SIZE) / 2 - 24;
      float y = top - 24;
      gray(GRAY);
      french(fr.getString("receipt.tracking-code"), false, 10, LEFT + 12, y);
      arabic(ar.getString("receipt.tracking-code"), false, 12, RIGHT - 12, y);
      gray(0);
      text.draw(
          receipt.trackingCode(),
          Direction.LEFT_TO_RIGHT,
          true,
          16,
          LEFT + 12,
          y - 24,
          Align.LEFT,
          side);
      text.draw(
          receipt.trackingCode(),
          Direction.LEFT_TO_RIGHT,
          true,
          16,
          RIGHT - 12,
          y - 24,
          Align.RIGHT,
          side);
      gray(GRAY);
      float line = y - 48;
      for (String help :
          text.wrap(
              fr.getString("receipt.tracking-help"), Direction.LEFT_TO_RIGHT, false, 9, side)) {
        french(help, false, 9, LEFT + 12, line);
        line -= 12;
      }
      line = y - 48;
      for (String help :
          text.wrap(
              ar.getString("receipt.tracking-help"), Direction.RIGHT_TO_LEFT, false, 10, side)) {
        arabic(help, false, 10, RIGHT - 12, line);
        line -= 14;
      }
      float qrLeft = (WIDTH - QR_SIZE) / 2;
      qrCode(receipt.trackingUrl().toString(), qrLeft, top - 10 - QR_SIZE, QR_SIZE);
      gray(0);
      text.draw(
          receipt.trackingUrl().toString(),
          Direction.LEFT_TO_RIGHT,
          false,
          8,
          WIDTH / 2,
          bottom + 10,
          Align.CENTER,
          RIGHT - LEFT - 24);
    }

    private void footer() throws IOException {
      gray(GRAY);
      float y = MARGIN + 14;
      text.draw(
          fr.getString("receipt.notice"),
          Direction.LEFT_TO_RIGHT,
          false,
          8,
          LEFT,
          y,
          Align.LEFT,
          RIGHT - LEFT);
      text.draw(
          ar.getString("receipt.notice"),
          Direction.RIGHT_TO_LEFT,
          false,
          9,
          RIGHT,
          y - 14,
          Align.RIGHT,
          RIGHT - LEFT);
    }

    private void qrCode(String data, float x, float y, float size) throws IOException {
      QrCodes.draw(content, data, x, y, size);
    }

    private void french(String value, boolean strong, float size, float x, float y)
        throws IOException {
      text.draw(value, Direction.LEFT_TO_RIGHT, strong, size, x, y, Align.LEFT, COLUMN);
    }

    private void arabic(String value, boolean strong, float size, float x, float y)
        throws IOException {
      text.draw(value, Direction.RIGHT_TO_LEFT, strong, size, x, y, Align.RIGHT, COLUMN);
    }

    private void rule(float y) throws IOException {
      BilingualPdf.rule(content, y);
    }

    private void gray(float level) throws IOException {
      content.setNonStrokingColor(level);
    }
  }

  private static DateTimeFormatter pattern(ResourceBundle messages) {
    return DateTimeFormatter.ofPattern(
        messages.getString("receipt.date-time.pattern"), messages.getLocale());
  }

  private static boolean startsRightToLeft(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      byte direction = Character.getDirectionality(c);
      if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
        return false;
      }
      if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
          || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
        return true;
      }
    }
    return false;
  }
}
