package ma.rokhsa.interfaces.rest.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.application.AccessTokens;
import ma.rokhsa.application.AccountService;
import ma.rokhsa.application.Caller;
import ma.rokhsa.application.InvalidInput;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import ma.rokhsa.interfaces.rest.security.ClientAddress;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth")
@RequestScoped
@Tag(name = "Sign-in")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject AccountService accounts;
  @Inject AccessTokens tokens;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest http;

  /** A password change by its holder, who proves the current one (no token needed). */
  public static class PasswordChange {
    @NotBlank @Size(max = 100) public String username;

    @NotNull @Size(max = 1024) public String currentPassword;

    @NotNull @Size(max = 1024) public String newPassword;

    /** The second factor's code, for an account that has one. */
    @Size(max = 10) public String code;
  }

  /** Credentials for a password sign-in. */
  public static class Credentials {
    @NotBlank @Size(max = 100) public String username;

    @NotNull @Size(max = 1024) public String password;

    /** The second factor's code (six digits), for an account that has one. */
    @Size(max = 10) public String code;
  }

  /** Credentials with the code of the authenticator app, for second-factor changes. */
  public static class CredentialsWithCode {
    @NotBlank @Size(max = 100) public String username;

    @NotNull @Size(max = 1024) public String password;

    @NotBlank @Size(max = 10) public String code;
  }

  /**
   * A second factor being enrolled, shown this once: give it to an authenticator app, then confirm
   * with its first code.
   *
   * @param secret the Base32 secret, to type in
   * @param otpauthUri the same as an {@code otpauth://totp/} URI
   * @param qrCodeSvg that URI as a QR code (SVG), to scan
   * @param confirmWith where to send the first code
   */
  public record EnrollmentRepresentation(
      String secret, String otpauthUri, String qrCodeSvg, String confirmWith) {}

  /**
   * An access token.
   *
   * @param accessToken the token, to send as {@code Authorization: Bearer <token>}
   * @param tokenType always {@code Bearer}
   * @param expiresIn seconds until it expires
   */
  public record TokenRepresentation(String accessToken, String tokenType, long expiresIn) {}

  /**
   * The caller.
   *
   * @param username the account
   * @param secondFactor whether it signs in with a second factor
   * @param grants its roles, with the tenant each is held in
   */
  public record MeRepresentation(
      String username, boolean secondFactor, List<GrantRepresentation> grants) {}

  /**
   * A role held.
   *
   * @param role the role
   * @param tenant the tenant (or province/region for supervisors); none for national roles
   * @param body the consulted body a commission member speaks for; none for other roles
   */
  public record GrantRepresentation(String role, String tenant, String body) {}

  @POST
  @Path("token")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign in with a username and password; answers an access token",
      description =
          "An account with a second factor gives its code too ('code'; without it: 401"
              + " second-factor-required). Outside demo mode the national admin must have one:"
              + " 403 second-factor-enrollment-required until it enrolls.")
  public TokenRepresentation token(@Valid @NotNull Credentials credentials) {
    Caller caller =
        accounts
            .authenticate(
                credentials.username,
                credentials.password.toCharArray(),
                Optional.ofNullable(credentials.code),
                clientAddress.of(http))
            .orElseThrow(AuthResource::wrongCredentials);
    AccessTokens.Issued issued = tokens.issue(caller);
    return new TokenRepresentation(issued.token(), "Bearer", issued.validFor().toSeconds());
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change one's own password, proving the current one",
      description =
          "Also how a password reset by an admin is replaced: until then sign-in answers 403"
              + " password-change-required. Throttled like sign-in.")
  public Response changePassword(@Valid @NotNull PasswordChange change) {
    boolean changed =
        accounts.changePassword(
            change.username,
            change.currentPassword.toCharArray(),
            change.newPassword.toCharArray(),
            Optional.ofNullable(change.code),
            clientAddress.of(http));
    if (!changed) {
      throw wrongCredentials();
    }
    return Response.noContent().build();
  }

  @POST
  @Path("second-factor/enrollment")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Start enrolling a second factor (RFC 6238), proving the password",
      description =
          "For admins and signatories. Answers the secret once (and as an otpauth URI and a QR"
              + " code); it counts once confirmed with a first code. No token is needed, so that a"
              + " national admin required to enroll can. Throttled like sign-in; audited.")
  public EnrollmentRepresentation startEnrollment(@Valid @NotNull Credentials credentials) {
    AccountService.SecondFactorEnrollment enrollment =
        accounts
            .startSecondFactorEnrollment(
                credentials.username, credentials.password.toCharArray(), clientAddress.of(http))
            .orElseThrow(AuthResource::wrongCredentials);
    return new EnrollmentRepresentation(
        enrollment.secret(),
        enrollment.uri().toString(),
        QrCodeSvg.of(enrollment.uri().toString()),
        "POST /api/auth/second-factor/confirmation");
  }

  @POST
  @Path("second-factor/confirmation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Confirm a second factor with the first code of the authenticator app",
      description =
          "From then on sign-in needs a code. A wrong code is 400 and counts towards the"
              + " sign-in throttling and lock, like a wrong password. Audited.")
  public Response confirmEnrollment(@Valid @NotNull CredentialsWithCode credentials) {
    boolean right =
        accounts
            .confirmSecondFactor(
                credentials.username,
                credentials.password.toCharArray(),
                credentials.code,
                clientAddress.of(http))
            .orElseThrow(AuthResource::wrongCredentials);
    if (!right) {
      throw wrongCode();
    }
    return Response.noContent().build();
  }

  @POST
  @Path("second-factor/removal")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Remove one's own second factor, proving the password and a current code",
      description =
          "Refused (409) for the national admin outside demo mode, where it is required. Audited.")
  public Response removeSecondFactor(@Valid @NotNull CredentialsWithCode credentials) {
    boolean right =
        accounts
            .removeOwnSecondFactor(
                credentials.username,
                credentials.password.toCharArray(),
                credentials.code,
                clientAddress.of(http))
            .orElseThrow(AuthResource::wrongCredentials);
    if (!right) {
      throw wrongCode();
    }
    return Response.noContent().build();
  }

  private static InvalidInput wrongCode() {
    return new InvalidInput(
        "code: not the current code of the authenticator app (or one already used); repeated"
            + " failures make sign-in wait (429), as wrong passwords do");
  }

  private static NotAuthorizedException wrongCredentials() {
    // One answer for every refusal: it must not tell which accounts exist.
    return new NotAuthorizedException(
        "Wrong username or password. Repeated failures from one address make it wait (429).",
        "Bearer realm=\"rokhsa\"");
  }

  @GET
  @Path("me")
  @Operation(summary = "Who the token speaks for, and the roles it holds where")
  public MeRepresentation me(@Context SecurityContext security) {
    Caller caller = CallerPrincipal.of(security);
    return new MeRepresentation(
        caller.username(),
        accounts.hasSecondFactor(caller.username()),
        caller.grants().stream()
            .map(
                g ->
                    new GrantRepresentation(
                        g.role().name(),
                        g.tenant().map(Object::toString).orElse(null),
                        g.body().orElse(null)))
            .toList());
  }
}
