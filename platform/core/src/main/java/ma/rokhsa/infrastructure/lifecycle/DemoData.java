package ma.rokhsa.infrastructure.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.AccountService;
import ma.rokhsa.application.Caller;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.infrastructure.config.RokhsaSettings;

/**
 * Demo accounts, one per role, around the commune of Casablanca (demo mode only: {@code
 * rokhsa.demo=true}). All share the demo password; they are created once and listed at every start
 * so that whoever runs the demo knows how to sign in.
 */
@ApplicationScoped
class DemoData {

  private static final TenantId CASABLANCA = TenantId.of("06.141.01.0");
  private static final TenantId PREFECTURE = TenantId.of("06.141");
  private static final TenantId REGION = TenantId.of("06");

  @Inject AccountService accounts;
  @Inject RokhsaSettings settings;

  private record Demo(
      String username,
      String displayName,
      Role role,
      Optional<TenantId> where,
      List<String> bodies) {

    Demo(String username, String displayName, Role role, Optional<TenantId> where) {
      this(username, displayName, role, where, List.of());
    }

    List<Caller.Grant> grants() {
      if (bodies.isEmpty()) {
        return List.of(new Caller.Grant(role, where));
      }
      return bodies.stream().map(b -> new Caller.Grant(role, where, Optional.of(b))).toList();
    }
  }

  /** The password demo mode has always shipped with, looked for too by the production guard. */
  static final String SHIPPED_DEMO_PASSWORD = "rokhsa-demo-2026";

  /**
   * The consulted bodies of the shipped procedures: the demo commission member speaks for each (a
   * real commune grants one account per body it hears).
   */
  private static final List<String> BODIES =
      List.of(
          "agence-urbaine",
          "autorite-locale",
          "bureau-hygiene",
          "direction-culture",
          "distributeur-eau-electricite",
          "police-administrative",
          "protection-civile",
          "service-urbanisme",
          "services-telecommunications",
          "voirie");

  private static final List<Demo> ACCOUNTS =
      List.of(
          new Demo("admin", "Administrateur national", Role.NATIONAL_ADMIN, Optional.empty()),
          new Demo(
              "admin.casablanca", "Admin — Casablanca", Role.TENANT_ADMIN, Optional.of(CASABLANCA)),
          new Demo(
              "guichet.casablanca",
              "Guichet — Casablanca",
              Role.GUICHET_AGENT,
              Optional.of(CASABLANCA)),
          new Demo(
              "commission.casablanca",
              "Commission — Casablanca",
              Role.COMMISSION_MEMBER,
              Optional.of(CASABLANCA),
              BODIES),
          new Demo(
              "signataire.casablanca",
              "Signataire — Casablanca",
              Role.SIGNATORY,
              Optional.of(CASABLANCA)),
          new Demo(
              "superviseur.prefecture",
              "Superviseur — Préfecture de Casablanca",
              Role.PROVINCIAL_SUPERVISOR,
              Optional.of(PREFECTURE)),
          new Demo(
              "superviseur.region",
              "Superviseur — Casablanca-Settat",
              Role.REGIONAL_SUPERVISOR,
              Optional.of(REGION)),
          new Demo("demandeur", "Demandeur", Role.APPLICANT, Optional.empty()),
          new Demo("architecte", "Architecte", Role.ARCHITECT, Optional.empty()));

  /** The usernames of the demo accounts (for the production guard). */
  static List<String> usernames() {
    return ACCOUNTS.stream().map(Demo::username).toList();
  }

  /** Creates the missing demo accounts; returns one line per account, for the banner. */
  List<String> ensureAccounts() {
    List<String> lines = new ArrayList<>();
    for (Demo demo : ACCOUNTS) {
      boolean created =
          accounts.ensureAccount(
              demo.username(),
              demo.displayName(),
              settings.demoPassword().toCharArray(),
              demo.grants());
      if (created) {
        accounts.changeEmail(demo.username(), Optional.of(demo.username() + "@demo.rokhsa.ma"));
      }
      lines.add(
          String.format(
              "%-24s %s%s",
              demo.username(), demo.role(), demo.where().map(t -> " @ " + t).orElse("")));
    }
    return lines;
  }
}
