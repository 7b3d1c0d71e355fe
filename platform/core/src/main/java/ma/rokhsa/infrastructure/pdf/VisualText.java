package ma.rokhsa.infrastructure.pdf;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Turns text as typed (logical order) into the glyph order a PDF draws left to right: Arabic
 * letters replaced by their contextual forms (initial, medial, final, isolated, lam-alef
 * ligatures), then runs reordered by the Unicode bidirectional algorithm, brackets mirrored. PDFBox
 * does neither. Thread-safe.
 */
final class VisualText {

  /** The paragraph's direction. */
  enum Direction {
    LEFT_TO_RIGHT(Bidi.LTR),
    RIGHT_TO_LEFT(Bidi.RTL),
    /** From the first strong letter (an applicant's name may be written either way). */
    FIRST_STRONG(Bidi.LEVEL_DEFAULT_LTR);

    private final byte level;

    Direction(byte level) {
      this.level = level;
    }
  }

  private VisualText() {}

  /** The text in visual order, ready to be drawn from left to right. */
  static String of(String logical, Direction direction) {
    if (logical.isEmpty()) {
      return logical;
    }
    String shaped;
    try {
      shaped =
          new ArabicShaping(
                  ArabicShaping.LETTERS_SHAPE
                      | ArabicShaping.TEXT_DIRECTION_LOGICAL
                      | ArabicShaping.LENGTH_GROW_SHRINK)
              .shape(logical);
    } catch (ArabicShapingException e) {
      throw new IllegalArgumentException("cannot shape the Arabic of: " + logical, e);
    }
    Bidi bidi = new Bidi();
    bidi.setPara(shaped, direction.level, null);
    return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
  }
}
