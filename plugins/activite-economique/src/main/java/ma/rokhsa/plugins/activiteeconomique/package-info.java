/**
 * The autorisation d'exercice d'une activité économique (opening of a shop) delivered by the
 * communes under their powers of police administrative (loi organique 113-14, art. 100): its
 * definition is data ({@code procedure.yaml}); code keeps the activity consistent with the hygiene
 * and civil-protection flags the documents depend on, and sets the instruction deadline by whether
 * the commission visits the premises.
 */
package ma.rokhsa.plugins.activiteeconomique;
