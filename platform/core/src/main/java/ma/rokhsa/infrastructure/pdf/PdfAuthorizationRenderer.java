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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import ma.rokhsa.domain.model.document.Authorization;
import ma.rokhsa.domain.model.document.Authorization.Condition;
import ma.rokhsa.domain.model.document.Authorization.FeeLine;
import ma.rokhsa.domain.model.document.Authorization.Mandate;
import ma.rokhsa.domain.model.document.AuthorizationRenderer;
import ma.rokhsa.infrastructure.pdf.Typesetter.Align;
import ma.rokhsa.infrastructure.pdf.Typesetter.Weight;
import ma.rokhsa.infrastructure.pdf.VisualText.Direction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The authorization (the permit delivered) as an A4 PDF, before it is signed: the Kingdom and the
 * administration, the procedure as title, the reference, the template's French text read left to
 * right, then its Arabic text read right to left, the avis' conditions and reservations, the fees,
 * the signatory (with "par délégation / بالنيابة" and the delegator when signed under a mandate),
 * and a box with the QR code of the verification address and the content hash. Long texts flow over
 * more pages; the verification box is on the last. The same fonts as the receipt (Noto Sans, Noto
 * Naskh Arabic, embedded subsets; Arabic shaped and reordered by ICU); the wording comes from
 * {@code messages_fr} and {@code messages_ar} beside this class. Thread-safe; fonts read once.
 */
@ApplicationScoped
public class PdfAuthorizationRenderer implements AuthorizationRenderer {

  private static final float QR_SIZE = 104;
  private static final float BOX_HEIGHT = QR_SIZE + 20;
  private static final float BODY = 10;
  private static final float BODY_AR = 11.5f;

  private final BilingualPdf pdf = new BilingualPdf();
  private final ResourceBundle fr = pdf.fr();
  private final ResourceBundle ar = pdf.ar();

  @Override
  public byte[] render(Authorization authorization) {
    try (PDDocument document = new PDDocument()) {
      Weight regular = pdf.regular(document);
      Weight bold = pdf.bold(document);
      Flow flow = new Flow(document, regular, bold, authorization);
      try {
        flow.draw();
      } finally {
        flow.close();
      }
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(
          MessageFormat.format(
              fr.getString("authorization.pdf-title"),
              authorization.procedureNameFr(),
              authorization.reference()));
      info.setCreator("Rokhsa");
      info.setCustomMetadataValue("RokhsaDocumentId", authorization.documentId());
      info.setCustomMetadataValue("RokhsaContentSha256", authorization.contentHash());
      document.getDocumentCatalog().setLanguage("fr-MA");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "rendering the authorization " + authorization.reference() + " failed", e);
    }
  }

  /** The drawing, from the top of the first page down, opening pages as the text needs. */
  private final class Flow {

    private final PDDocument document;
    private final Weight regular;
    private final Weight bold;
    private final Authorization a;
    private PDPageContentStream content;
    private Typesetter text;
    private float y;

    Flow(PDDocument document, Weight regular, Weight bold, Authorization a) {
      this.document = document;
      this.regular = regular;
      this.bold = bold;
      this.a = a;
    }

    void draw() throws IOException {
      newPage();
      title();
      paragraphs(a.textFr(), Direction.LEFT_TO_RIGHT, BODY, 13);
      space(10);
      paragraphs(a.textAr(), Direction.RIGHT_TO_LEFT, BODY_AR, 16);
      if (!a.conditions().isEmpty()) {
        conditions();
      }
      if (!a.fees().isEmpty()) {
        fees();
      }
      signatory();
      verification();
    }

    void close() throws IOException {
      if (content != null) {
        content.close();
        content = null;
      }
    }

    private void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      text = new Typesetter(content, regular, bold);
      y = header(HEIGHT - MARGIN - 10);
    }

    /** Room for {@code height} more points, or a new page. */
    private void need(float height) throws IOException {
      if (y - height < MARGIN + 10) {
        newPage();
      }
    }

    private void space(float height) {
      y -= height;
    }

    private float header(float top) throws IOException {
      gray(0);
      french(fr.getString("receipt.kingdom").toUpperCase(Locale.FRENCH), true, 11, LEFT, top);
      arabicLine(ar.getString("receipt.kingdom"), true, 13, RIGHT, top);
      french(a.tenantNameFr(), false, 10, LEFT, top - 16);
      arabicLine(a.tenantNameAr(), false, 12, RIGHT, top - 16);
      rule(top - 28);
      return top - 28;
    }

    private void title() throws IOException {
      y -= 8;
      gray(0);
      for (String line :
          text.wrap(
              a.procedureNameFr().toUpperCase(Locale.FRENCH),
              Direction.LEFT_TO_RIGHT,
              true,
              16,
              RIGHT - LEFT)) {
        y -= 22;
        text.draw(
            line, Direction.LEFT_TO_RIGHT, true, 16, WIDTH / 2, y, Align.CENTER, RIGHT - LEFT);
      }
      for (String line :
          text.wrap(a.procedureNameAr(), Direction.RIGHT_TO_LEFT, true, 16, RIGHT - LEFT)) {
        y -= 26;
        text.draw(
            line, Direction.RIGHT_TO_LEFT, true, 16, WIDTH / 2, y, Align.CENTER, RIGHT - LEFT);
      }
      y -= 22;
      gray(GRAY);
      french(fr.getString("authorization.reference"), false, 10, LEFT, y);
      arabicLine(ar.getString("authorization.reference"), false, 12, RIGHT, y);
      gray(0);
      text.draw(a.reference(), Direction.LEFT_TO_RIGHT, true, 11, WIDTH / 2, y, Align.CENTER, 260);
      y -= 20;
    }

    /** A template's text: its lines as written, each wrapped to the page's width. */
    private void paragraphs(String body, Direction direction, float size, float leading)
        throws IOException {
      boolean rightToLeft = direction == Direction.RIGHT_TO_LEFT;
      gray(0);
      for (String line : body.strip().split("\\R", -1)) {
        if (line.isBlank()) {
          space(leading / 2);
          continue;
        }
        for (String wrapped : text.wrap(line.strip(), direction, false, size, RIGHT - LEFT)) {
          need(leading);
          y -= leading;
          text.draw(
              wrapped,
              direction,
              false,
              size,
              rightToLeft ? RIGHT : LEFT,
              y,
              rightToLeft ? Align.RIGHT : Align.LEFT,
              RIGHT - LEFT);
        }
      }
    }

    private void heading(String key) throws IOException {
      need(60);
      y -= 24;
      gray(0);
      french(fr.getString(key), true, 11, LEFT, y);
      arabicLine(ar.getString(key), true, 13, RIGHT, y);
      rule(y - 6);
      y -= 8;
    }

    private void conditions() throws IOException {
      heading("authorization.conditions");
      for (Condition c : a.conditions()) {
        List<String> lines = new ArrayList<>();
        lines.addAll(
            text.wrap(
                "• " + c.bodyFr() + " : " + c.text(),
                Direction.FIRST_STRONG,
                false,
                BODY,
                RIGHT - LEFT));
        for (String line : lines) {
          need(14);
          y -= 14;
          text.draw(line, Direction.FIRST_STRONG, false, BODY, LEFT, y, Align.LEFT, RIGHT - LEFT);
        }
        need(16);
        y -= 16;
        arabicLine(c.bodyAr(), false, BODY_AR, RIGHT, y);
      }
    }

    private void fees() throws IOException {
      heading("authorization.fees");
      for (FeeLine line : a.fees()) {
        need(30);
        y -= 14;
        gray(0);
        french(line.labelFr(), false, 9.5f, LEFT, y);
        text.draw(
            BilingualPdf.amount(line.amount()),
            Direction.LEFT_TO_RIGHT,
            false,
            9.5f,
            WIDTH / 2,
            y,
            Align.CENTER,
            90);
        arabicLine(line.labelAr(), false, 10.5f, RIGHT, y);
      }
      need(18);
      y -= 18;
      french(fr.getString("authorization.fee-total"), true, 10, LEFT, y);
      text.draw(
          BilingualPdf.amount(a.feeTotal()),
          Direction.LEFT_TO_RIGHT,
          true,
          10,
          WIDTH / 2,
          y,
          Align.CENTER,
          90);
      arabicLine(ar.getString("authorization.fee-total"), true, 12, RIGHT, y);
    }

    private void signatory() throws IOException {
      int lines = a.mandate().isPresent() ? 6 : 4;
      need(lines * 16 + 20 + BOX_HEIGHT);
      y -= 28;
      String date =
          a.issuedAt()
              .atZoneSameInstant(PdfReceiptRenderer.MOROCCO)
              .format(
                  DateTimeFormatter.ofPattern(
                      fr.getString("authorization.date.pattern"), Locale.FRENCH));
      gray(0);
      french(fr.getString("authorization.issued-at") + " " + date, false, 10, LEFT, y);
      arabicLine(ar.getString("authorization.issued-at") + " " + date, false, 12, RIGHT, y);
      y -= 20;
      gray(GRAY);
      french(fr.getString("authorization.signatory"), false, 10, LEFT, y);
      arabicLine(ar.getString("authorization.signatory"), false, 12, RIGHT, y);
      gray(0);
      y -= 16;
      text.draw(a.signatoryName(), Direction.FIRST_STRONG, true, 11, LEFT, y, Align.LEFT, COLUMN);
      text.draw(a.signatoryName(), Direction.FIRST_STRONG, true, 11, RIGHT, y, Align.RIGHT, COLUMN);
      y -= 15;
      text.draw(a.signatoryTitle(), Direction.FIRST_STRONG, false, 10, LEFT, y, Align.LEFT, COLUMN);
      text.draw(
          a.signatoryTitle(), Direction.FIRST_STRONG, false, 10, RIGHT, y, Align.RIGHT, COLUMN);
      if (a.mandate().isPresent()) {
        Mandate m = a.mandate().get();
        y -= 16;
        text.draw(
            MessageFormat.format(
                fr.getString("authorization.mandate"),
                m.delegatorName(),
                m.delegatorRole(),
                m.reference()),
            Direction.LEFT_TO_RIGHT,
            false,
            9.5f,
            LEFT,
            y,
            Align.LEFT,
            RIGHT - LEFT);
        y -= 16;
        text.draw(
            MessageFormat.format(
                ar.getString("authorization.mandate"),
                m.delegatorName(),
                m.delegatorRole(),
                m.reference()),
            Direction.RIGHT_TO_LEFT,
            false,
            10.5f,
            RIGHT,
            y,
            Align.RIGHT,
            RIGHT - LEFT);
      }
      y -= 8;
    }

    /** The box with the QR code, the document's id, its hash and where to check it. */
    private void verification() throws IOException {
      need(BOX_HEIGHT + 10);
      float top = y - 10;
      float bottom = top - BOX_HEIGHT;
      content.setStrokingColor(GRAY);
      content.setLineWidth(RULE);
      content.addRect(LEFT, bottom, RIGHT - LEFT, top - bottom);
      content.stroke();
      QrCodes.draw(content, a.qrContent(), LEFT + 8, bottom + 8, QR_SIZE);
      float x = LEFT + QR_SIZE + 20;
      float width = RIGHT - 8 - x;
      float line = top - 18;
      gray(0);
      text.draw(
          fr.getString("authorization.document") + " " + a.documentId(),
          Direction.LEFT_TO_RIGHT,
          true,
          9.5f,
          x,
          line,
          Align.LEFT,
          width);
      line -= 14;
      gray(GRAY);
      text.draw(
          fr.getString("authorization.verification"),
          Direction.LEFT_TO_RIGHT,
          false,
          8.5f,
          x,
          line,
          Align.LEFT,
          width);
      line -= 14;
      text.draw(
          ar.getString("authorization.verification"),
          Direction.RIGHT_TO_LEFT,
          false,
          9.5f,
          RIGHT - 8,
          line,
          Align.RIGHT,
          width);
      line -= 14;
      gray(0);
      text.draw(
          a.verificationUrl().toString(),
          Direction.LEFT_TO_RIGHT,
          false,
          8,
          x,
          line,
          Align.LEFT,
          width);
      line -= 14;
      String hash = a.contentHash();
      text.draw(
          fr.getString("authorization.fingerprint") + " " + hash.substring(0, 32),
          Direction.LEFT_TO_RIGHT,
          false,
          7.5f,
          x,
          line,
          Align.LEFT,
          width);
      line -= 11;
      text.draw(
          hash.substring(32), Direction.LEFT_TO_RIGHT, false, 7.5f, x, line, Align.LEFT, width);
      line -= 14;
      gray(GRAY);
      text.draw(
          fr.getString("authorization.electronic") + " " + ar.getString("authorization.electronic"),
          Direction.FIRST_STRONG,
          false,
          8,
          x,
          line,
          Align.LEFT,
          width);
      y = bottom;
    }

    private void french(String value, boolean strong, float size, float x, float at)
        throws IOException {
      text.draw(value, Direction.LEFT_TO_RIGHT, strong, size, x, at, Align.LEFT, COLUMN);
    }

    private void arabicLine(String value, boolean strong, float size, float x, float at)
        throws IOException {
      text.draw(value, Direction.RIGHT_TO_LEFT, strong, size, x, at, Align.RIGHT, COLUMN);
    }

    private void rule(float at) throws IOException {
      BilingualPdf.rule(content, at);
    }

    private void gray(float level) throws IOException {
      content.setNonStrokingColor(level);
    }
  }
}
