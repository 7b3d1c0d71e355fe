package ma.rokhsa.domain.model.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A member nominated to a follow-up commission: who, from where, and what they do in it. */
@Embeddable
public class CommissionMember {

  static final int TEXT_LENGTH = 200;
  static final int ROLE_LENGTH = 100;

  @Column(name = "full_name", nullable = false, length = TEXT_LENGTH)
  private String fullName;

  @Column(name = "title", nullable = false, length = TEXT_LENGTH)
  private String title;

  @Column(name = "role_in_commission", nullable = false, length = ROLE_LENGTH)
  private String role;

  protected CommissionMember() {
    // for JPA
  }

  /**
   * A member.
   *
   * @param fullName their full name
   * @param title their title or organization ({@code Directeur, Agence urbaine de Rabat})
   * @param role their role in the commission ({@code président}, {@code membre}, {@code
   *     rapporteur})
   * @throws IllegalArgumentException if a text is blank or too long
   */
  public static CommissionMember of(String fullName, String title, String role) {
    CommissionMember member = new CommissionMember();
    member.fullName = Texts.required(fullName, "fullName", TEXT_LENGTH);
    member.title = Texts.required(title, "title", TEXT_LENGTH);
    member.role = Texts.required(role, "role", ROLE_LENGTH);
    return member;
  }

  public String fullName() {
    return fullName;
  }

  public String title() {
    return title;
  }

  public String role() {
    return role;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommissionMember other
        && fullName.equals(other.fullName)
        && title.equals(other.title)
        && role.equals(other.role);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fullName, title, role);
  }

  @Override
  public String toString() {
    return fullName + " (" + title + "), " + role;
  }
}
