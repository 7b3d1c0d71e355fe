package ma.rokhsa.infrastructure.signing;

import java.util.List;

/**
 * The verdict on a PDF's signatures.
 *
 * @param signatures each signature, in the order of the document's fields
 * @param documentProblems what is wrong with the document besides its signatures: what was changed
 *     after the last signature, other than validation data
 */
public record ValidationReport(
    List<SignatureValidation> signatures, List<String> documentProblems) {

  public ValidationReport {
    signatures = List.copyOf(signatures);
    documentProblems = List.copyOf(documentProblems);
  }

  /** Signed at least once, every signature valid, nothing changed after the last one. */
  public boolean valid() {
    return !signatures.isEmpty()
        && documentProblems.isEmpty()
        && signatures.stream().allMatch(s -> s.status() == SignatureValidation.Status.VALID);
  }
}
