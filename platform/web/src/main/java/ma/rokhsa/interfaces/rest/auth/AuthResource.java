package ma.rokhsa.interfaces.rest.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import ma.rokhsa.application.AccessTokens;
import ma.rokhsa.application.AccountService;
import ma.rokhsa.application.Caller;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth")
@RequestScoped
@Tag(name = "Sign-in")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject AccountService accounts;
  @Inject AccessTokens tokens;

  /** Credentials for a password sign-in. */
  public static class Credentials {
    @NotBlank @Size(max = 100) public String username;

    @NotNull @Size(max = 1024) public String password;
  }

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
   * @param grants its roles, with the tenant each is held in
   */
  public record MeRepresentation(String username, List<GrantRepresentation> grants) {}

  /**
   * A role held.
   *
   * @param role the role
   * @param tenant the tenant (or province/region for supervisors); none for national roles
   */
  public record GrantRepresentation(String role, String tenant) {}

  @POST
  @Path("token")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign in with a username and password; answers an access token")
  public TokenRepresentation token(@Valid @NotNull Credentials credentials) {
    Caller caller =
        accounts
            .authenticate(credentials.username, credentials.password.toCharArray())
            .orElseThrow(
                () ->
                    new NotAuthorizedException(
                        // One answer for every refusal: it must not tell which accounts exist.
                        "Wrong username or password. After 5 failed attempts in a row an account is"
                            + " locked for 15 minutes.",
                        "Bearer realm=\"rokhsa\""));
    AccessTokens.Issued issued = tokens.issue(caller);
    return new TokenRepresentation(issued.token(), "Bearer", issued.validFor().toSeconds());
  }

  @GET
  @Path("me")
  @Operation(summary = "Who the token speaks for, and the roles it holds where")
  public MeRepresentation me(@Context SecurityContext security) {
    Caller caller = CallerPrincipal.of(security);
    return new MeRepresentation(
        caller.username(),
        caller.grants().stream()
            .map(
                g ->
                    new GrantRepresentation(
                        g.role().name(), g.tenant().map(Object::toString).orElse(null)))
            .toList());
  }
}
