package ma.rokhsa.infrastructure.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A TrueType font shipped with the platform (under {@code fonts/} beside this class, with its
 * licence), read once: its bytes, to embed a subset in each document, and which characters it has
 * glyphs for. Immutable, so shared by concurrent renderings.
 */
final class FontFace {

  private final String name;
  private final byte[] bytes;
  private final BitSet coverage = new BitSet(0x10000);

  private FontFace(String name, byte[] bytes) throws IOException {
    this.name = name;
    this.bytes = bytes;
    try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
      CmapLookup cmap = font.getUnicodeCmapLookup();
      for (int c = 0; c < 0x10000; c++) {
        if (cmap.getGlyphId(c) > 0) {
          coverage.set(c);
        }
      }
    }
  }

  /** Reads {@code fonts/<file>} from the class path. */
  static FontFace load(String file) {
    try (InputStream in = FontFace.class.getResourceAsStream("fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the font " + file + " is missing from the build");
      }
      return new FontFace(file, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the font " + file, e);
    }
  }

  /** Whether the font draws this character. */
  boolean has(int codePoint) {
    return codePoint < 0x10000 && coverage.get(codePoint);
  }

  /** The font, embedded (the glyphs used only) in {@code document}. */
  PDType0Font embedIn(PDDocument document) throws IOException {
    return PDType0Font.load(document, new RandomAccessReadBuffer(bytes), true, false);
  }

  @Override
  public String toString() {
    return name;
  }
}
