package ma.rokhsa.infrastructure.search.lucene;

/** The fields of a dossier's Lucene document (ADR 0020 lists how each is indexed). */
final class DossierFields {

  /** Dossier id: the document's identity (updates and deletes), stored, sort tie-breaker. */
  static final String ID = "id";

  /** Dossier reference, exact (keyword), stored. */
  static final String REFERENCE = "reference";

  static final String TENANT = "tenant";
  static final String PROVINCE = "province";
  static final String REGION = "region";
  static final String PROCEDURE = "procedure";
  static final String STATE = "state";
  static final String PHASE = "phase";

  /** Accounts whose own dossier this is (applicant, architect): the scope of an applicant. */
  static final String ACCOUNT = "account";

  /**
   * Normalized national identifiers: CIN, ICE, RC and titre foncier numbers, with a type prefix.
   */
  static final String IDENTIFIER = "identifier";

  static final String DEPOSITED = "deposited";
  static final String DUE = "due";
  static final String UPDATED = "updated";

  /** Applicant and architect names as written (both scripts), stored for snippets. */
  static final String NAMES = "names";

  /** Phonetic keys of the names ({@link NameKeys}). */
  static final String NAME_KEYS = "name_keys";

  /** The address of the project, stored for snippets. */
  static final String ADDRESS = "address";

  /** Commune name (French and Arabic). */
  static final String PLACE = "place";

  /** Form values and avis summaries as text, stored for snippets. */
  static final String TEXT = "text";

  /** Stored only: what a work list shows. */
  static final String APPLICANT = "applicant";

  static final String COMMUNE = "commune";

  private DossierFields() {}
}
