package ma.rokhsa.infrastructure.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import ma.rokhsa.infrastructure.pdf.VisualText.Direction;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws bilingual lines on one page: each line is put in visual order ({@link VisualText}), then
 * cut into runs drawn with the Arabic font (Arabic letters, and the spaces and digits between them)
 * or the Latin one (the rest). A character neither font has is drawn as "?" rather than failing the
 * document. Not thread-safe: one per document.
 */
final class Typesetter {

  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  /** The faces of one weight, and their fonts embedded in the document being drawn. */
  record Weight(FontFace latinFace, PDType0Font latin, FontFace arabicFace, PDType0Font arabic) {}

  private record Run(PDType0Font font, String text) {}

  private static final String ELLIPSIS = "…";

  /** How far a line may be shrunk to fit before it is cut short. */
  private static final float SMALLEST_SCALE = 0.75f;

  private final PDPageContentStream content;
  private final Weight regular;
  private final Weight bold;

  Typesetter(PDPageContentStream content, Weight regular, Weight bold) {
    this.content = content;
    this.regular = regular;
    this.bold = bold;
  }

  /** The width of a line, in points. */
  float width(String logical, Direction direction, boolean strong, float size) throws IOException {
    float width = 0;
    for (Run run : runs(VisualText.of(logical, direction), strong ? bold : regular)) {
      width += run.font().getStringWidth(run.text()) / 1000 * size;
    }
    return width;
  }

  /**
   * Draws one line; {@code x} is where it starts ({@link Align#LEFT}), its middle or where it ends
   * ({@link Align#RIGHT}). A line wider than {@code maxWidth} is shrunk a little, then cut short
   * with an ellipsis.
   */
  void draw(
      String logical,
      Direction direction,
      boolean strong,
      float size,
      float x,
      float y,
      Align align,
      float maxWidth)
      throws IOException {
    String text = clean(logical);
    float fitted = size;
    while (width(text, direction, strong, fitted) > maxWidth && fitted > size * SMALLEST_SCALE) {
      fitted -= 0.25f;
    }
    if (width(text, direction, strong, fitted) > maxWidth) {
      text = cut(text, direction, strong, fitted, maxWidth);
    }
    float width = width(text, direction, strong, fitted);
    float start =
        switch (align) {
          case LEFT -> x;
          case CENTER -> x - width / 2;
          case RIGHT -> x - width;
        };
    content.beginText();
    content.newLineAtOffset(start, y);
    for (Run run : runs(VisualText.of(text, direction), strong ? bold : regular)) {
      content.setFont(run.font(), fitted);
      content.showText(run.text());
    }
    content.endText();
  }

  /** The text cut into lines no wider than {@code maxWidth}, at spaces. */
  List<String> wrap(String logical, Direction direction, boolean strong, float size, float maxWidth)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : clean(logical).split(" +")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && width(candidate, direction, strong, size) > maxWidth) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private String cut(String text, Direction direction, boolean strong, float size, float maxWidth)
      throws IOException {
    int end = text.length();
    while (end > 0) {
      end = text.offsetByCodePoints(end, -1);
      String candidate = text.substring(0, end).stripTrailing() + ELLIPSIS;
      if (width(candidate, direction, strong, size) <= maxWidth) {
        return candidate;
      }
    }
    return ELLIPSIS;
  }

  /** Line breaks and other controls become spaces: each call draws one line. */
  private static String clean(String text) {
    StringBuilder cleaned = new StringBuilder(text.length());
    text.codePoints()
        .map(c -> Character.isISOControl(c) ? ' ' : c)
        .forEach(cleaned::appendCodePoint);
    return cleaned.toString().strip();
  }

  private static List<Run> runs(String visual, Weight weight) {
    List<Run> runs = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    PDType0Font current = null;
    for (int i = 0; i < visual.length(); ) {
      int c = visual.codePointAt(i);
      i += Character.charCount(c);
      PDType0Font font;
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      boolean neutral =
          script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED;
      if (script == Character.UnicodeScript.ARABIC && weight.arabicFace().has(c)) {
        font = weight.arabic();
      } else if (neutral && current == weight.arabic() && weight.arabicFace().has(c)) {
        font = weight.arabic();
      } else if (weight.latinFace().has(c)) {
        font = weight.latin();
      } else if (weight.arabicFace().has(c)) {
        font = weight.arabic();
      } else {
        font = weight.latin();
        c = '?';
      }
      if (font != current && !text.isEmpty()) {
        runs.add(new Run(current, text.toString()));
        text.setLength(0);
      }
      current = font;
      text.appendCodePoint(c);
    }
    if (!text.isEmpty()) {
      runs.add(new Run(current, text.toString()));
    }
    return runs;
  }
}
