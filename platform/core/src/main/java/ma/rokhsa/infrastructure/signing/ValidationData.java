package ma.rokhsa.infrastructure.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The document security store (DSS, ISO 32000-2 §12.8.4.3, PAdES B-LT): certificates, OCSP
 * responses and CRLs kept in the PDF so that its signatures can be validated without reaching any
 * server, years later. Added in an incremental update after the signature; merged with what an
 * earlier signature stored (no duplicates).
 */
final class ValidationData {

  static final COSName DSS = COSName.getPDFName("DSS");
  static final COSName CERTS = COSName.getPDFName("Certs");
  static final COSName OCSPS = COSName.getPDFName("OCSPs");
  static final COSName CRLS = COSName.getPDFName("CRLs");

  /** What a document's DSS holds, decoded. */
  record Store(List<byte[]> certificates, List<byte[]> ocsps, List<byte[]> crls) {

    static final Store EMPTY = new Store(List.of(), List.of(), List.of());

    List<X509Certificate> x509() throws GeneralSecurityException {
      List<X509Certificate> parsed = new ArrayList<>();
      for (byte[] der : certificates) {
        parsed.add(Chains.certificate(der));
      }
      return parsed;
    }
  }

  private ValidationData() {}

  static byte[] append(
      byte[] pdf,
      Collection<X509Certificate> certificates,
      Collection<byte[]> ocsps,
      Collection<byte[]> crls)
      throws IOException, GeneralSecurityException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
      COSDictionary dss = catalog.getCOSDictionary(DSS);
      if (dss == null) {
        dss = new COSDictionary();
        catalog.setItem(DSS, dss);
      }
      List<byte[]> certificateDer = new ArrayList<>();
      for (X509Certificate certificate : certificates) {
        certificateDer.add(certificate.getEncoded());
      }
      add(document, dss, CERTS, certificateDer);
      add(document, dss, OCSPS, ocsps);
      add(document, dss, CRLS, crls);
      dss.setNeedToBeUpdated(true);
      catalog.setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16 * 1024);
      document.saveIncremental(out);
      return out.toByteArray();
    }
  }

  private static void add(
      PDDocument document, COSDictionary dss, COSName key, Collection<byte[]> items)
      throws IOException {
    COSArray array = dss.getCOSArray(key);
    if (array == null) {
      array = new COSArray();
      dss.setItem(key, array);
    }
    Set<String> present = new HashSet<>();
    for (byte[] der : decode(array)) {
      present.add(Chains.sha256(der));
    }
    for (byte[] der : items) {
      if (!present.add(Chains.sha256(der))) {
        continue;
      }
      COSStream stream = document.getDocument().createCOSStream();
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(der);
      }
      array.add(stream);
    }
    array.setNeedToBeUpdated(true);
  }

  /** The DSS of {@code document}, or an empty store. */
  static Store read(PDDocument document) throws IOException {
    COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DSS);
    if (dss == null) {
      return Store.EMPTY;
    }
    return new Store(
        decode(dss.getCOSArray(CERTS)),
        decode(dss.getCOSArray(OCSPS)),
        decode(dss.getCOSArray(CRLS)));
  }

  private static List<byte[]> decode(COSArray array) throws IOException {
    List<byte[]> items = new ArrayList<>();
    if (array == null) {
      return items;
    }
    for (int i = 0; i < array.size(); i++) {
      COSBase item = array.get(i);
      if (item instanceof COSObject object) {
        item = object.getObject();
      }
      if (item instanceof COSStream stream) {
        try (InputStream in = stream.createInputStream()) {
          items.add(in.readAllBytes());
        }
      }
    }
    return items;
  }
}
