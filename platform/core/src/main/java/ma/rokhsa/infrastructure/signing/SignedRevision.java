package ma.rokhsa.infrastructure.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * One signature of a PDF as found in the file: its dictionary, the bytes its byte range covers, its
 * CMS (only the first DER object of the zero-padded {@code /Contents}) and its signature time
 * stamp, if any. Nothing here says whether it is valid: {@link PdfSignatureValidator} does.
 */
final class SignedRevision {

  final String fieldName;
  final PDSignature dictionary;
  final int[] byteRange;
  final byte[] signedContent;
  final CMSSignedData cms;
  final SignerInformation signer;
  final Optional<TimeStampToken> timeStamp;

  /** Where the byte range's problems are, if it is not a well-formed one. */
  final List<String> byteRangeProblems;

  private SignedRevision(
      String fieldName,
      PDSignature dictionary,
      int[] byteRange,
      byte[] signedContent,
      CMSSignedData cms,
      SignerInformation signer,
      Optional<TimeStampToken> timeStamp,
      List<String> byteRangeProblems) {
    this.fieldName = fieldName;
    this.dictionary = dictionary;
    this.byteRange = byteRange;
    this.signedContent = signedContent;
    this.cms = cms;
    this.signer = signer;
    this.timeStamp = timeStamp;
    this.byteRangeProblems = byteRangeProblems;
  }

  /** Every signature of {@code pdf}, in the order of the document's signature fields. */
  static List<SignedRevision> all(byte[] pdf)
      throws IOException, GeneralSecurityException, CMSException, TSPException {
    List<SignedRevision> revisions = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (var field : document.getSignatureFields()) {
        PDSignature dictionary = field.getSignature();
        if (dictionary == null) {
          continue;
        }
        revisions.add(read(pdf, field.getFullyQualifiedName(), dictionary));
      }
    }
    return revisions;
  }

  private static SignedRevision read(byte[] pdf, String fieldName, PDSignature dictionary)
      throws IOException, CMSException, TSPException {
    int[] range = dictionary.getByteRange();
    List<String> problems = new ArrayList<>();
    byte[] signed = new byte[0];
    if (range == null || range.length != 4) {
      problems.add("the byte range is not four numbers");
      range = new int[] {0, 0, 0, 0};
    } else if (range[0] != 0
        || range[1] <= 0
        || range[2] <= range[1]
        || range[3] < 0
        || (long) range[2] + range[3] > pdf.length) {
      problems.add("the byte range " + Arrays.toString(range) + " does not fit the file");
    } else {
      if (pdf[range[1]] != '<' || pdf[range[2] - 1] != '>') {
        problems.add("the gap of the byte range is not exactly the /Contents string");
      }
      signed = new byte[range[1] + range[3]];
      System.arraycopy(pdf, 0, signed, 0, range[1]);
      System.arraycopy(pdf, range[2], signed, range[1], range[3]);
    }
    ContentInfo info;
    try (ASN1InputStream in = new ASN1InputStream(dictionary.getContents())) {
      ASN1Primitive first = in.readObject();
      info = ContentInfo.getInstance(first);
    } catch (IOException | RuntimeException e) {
      throw new CMSException("the /Contents of " + fieldName + " is not a CMS signature", e);
    }
    if (info == null) {
      throw new CMSException("the /Contents of " + fieldName + " is empty");
    }
    CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), info);
    SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
    Optional<TimeStampToken> timeStamp = Optional.empty();
    if (signer.getUnsignedAttributes() != null) {
      Attribute attribute =
          signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
      if (attribute != null) {
        timeStamp =
            Optional.of(
                new TimeStampToken(
                    new CMSSignedData(
                        attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded())));
      }
    }
    return new SignedRevision(
        fieldName, dictionary, range, signed, cms, signer, timeStamp, problems);
  }

  /** The certificates the CMS carries. */
  List<X509Certificate> certificates() throws GeneralSecurityException {
    return convert(cms.getCertificates().getMatches(null));
  }

  List<X509Certificate> timeStampCertificates() throws GeneralSecurityException {
    if (timeStamp.isEmpty()) {
      return List.of();
    }
    return convert(timeStamp.get().getCertificates().getMatches(null));
  }

  /** Where this signature's revision ends in the file. */
  long revisionEnd() {
    return (long) byteRange[2] + byteRange[3];
  }

  private static List<X509Certificate> convert(java.util.Collection<X509CertificateHolder> holders)
      throws GeneralSecurityException {
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    List<X509Certificate> certificates = new ArrayList<>();
    for (X509CertificateHolder holder : holders) {
      certificates.add(converter.getCertificate(holder));
    }
    return certificates;
  }
}
