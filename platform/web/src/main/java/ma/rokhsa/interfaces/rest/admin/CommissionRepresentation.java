package ma.rokhsa.interfaces.rest.admin;

import java.time.Instant;
import java.util.List;
import ma.rokhsa.domain.model.rollout.CommissionMember;
import ma.rokhsa.domain.model.rollout.FollowUpCommission;

/**
 * A follow-up commission and its members.
 *
 * @param id its id
 * @param territory the region, prefecture, province or commune it sits on
 * @param level REGIONAL or LOCAL
 * @param name its name
 * @param members its nominated members, in the order given
 * @param recordedBy who recorded it
 * @param recordedAt when
 */
public record CommissionRepresentation(
    Long id,
    String territory,
    String level,
    String name,
    List<MemberRepresentation> members,
    String recordedBy,
    Instant recordedAt) {

  /**
   * A member.
   *
   * @param fullName their full name
   * @param title their title or organization
   * @param role their role in the commission
   */
  public record MemberRepresentation(String fullName, String title, String role) {
    static MemberRepresentation of(CommissionMember member) {
      return new MemberRepresentation(member.fullName(), member.title(), member.role());
    }
  }

  static CommissionRepresentation of(FollowUpCommission commission) {
    return new CommissionRepresentation(
        commission.id().orElse(null),
        commission.territory().value(),
        commission.level().name(),
        commission.name(),
        commission.members().stream().map(MemberRepresentation::of).toList(),
        commission.recordedBy(),
        commission.recordedAt());
  }
}
