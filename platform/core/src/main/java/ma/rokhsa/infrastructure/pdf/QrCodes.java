package ma.rokhsa.infrastructure.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** QR codes drawn as vector squares (ZXing encodes, PDFBox draws): sharp at any zoom or print. */
public final class QrCodes {

  private QrCodes() {}

  /**
   * The modules of {@code data} as a QR code: error correction M, UTF-8, a quiet zone of four
   * modules (the receipts', the authorizations' and the second-factor enrollment's alike).
   */
  public static BitMatrix matrix(String data) {
    try {
      return new QRCodeWriter()
          .encode(
              data,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  4,
                  EncodeHintType.CHARACTER_SET,
                  "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot be a QR code: " + data, e);
    }
  }

  /**
   * Draws {@code data} as a QR code (error correction M, UTF-8, a quiet zone of four modules) in
   * the square of side {@code size} whose lower left corner is ({@code x}, {@code y}), on white.
   */
  static void draw(PDPageContentStream content, String data, float x, float y, float size)
      throws IOException {
    BitMatrix matrix = matrix(data);
    float module = size / matrix.getWidth();
    content.setNonStrokingColor(1f);
    content.addRect(x, y, size, size);
    content.fill();
    content.setNonStrokingColor(0f);
    for (int row = 0; row < matrix.getHeight(); row++) {
      int column = 0;
      while (column < matrix.getWidth()) {
        if (!matrix.get(column, row)) {
          column++;
          continue;
        }
        int start = column;
        while (column < matrix.getWidth() && matrix.get(column, row)) {
          column++;
        }
        content.addRect(
            x + start * module, y + size - (row + 1) * module, (column - start) * module, module);
      }
    }
    content.fill();
  }
}
