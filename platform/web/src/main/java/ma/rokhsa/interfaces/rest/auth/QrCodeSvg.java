package ma.rokhsa.interfaces.rest.auth;

import com.google.zxing.common.BitMatrix;
import ma.rokhsa.infrastructure.pdf.QrCodes;

/** A QR code as a small SVG document ({@link QrCodes#matrix}, one path of unit squares). */
final class QrCodeSvg {

  private QrCodeSvg() {}

  static String of(String data) {
    BitMatrix matrix = QrCodes.matrix(data);
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + matrix.getWidth()
        + " "
        + matrix.getHeight()
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }
}
