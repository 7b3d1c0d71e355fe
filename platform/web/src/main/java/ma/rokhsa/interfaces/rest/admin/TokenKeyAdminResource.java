package ma.rokhsa.interfaces.rest.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import ma.rokhsa.application.AccessTokens;
import ma.rokhsa.application.TokenKeyAdministration;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.interfaces.rest.security.Allowed;
import ma.rokhsa.interfaces.rest.security.CallerPrincipal;
import ma.rokhsa.interfaces.rest.security.ClientAddress;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The keys that sign the platform's access tokens, and their rotation (ADR 0029). Only public facts
 * go over the wire: key ids and dates, never a key.
 */
@Path("admin/token-keys")
@RequestScoped
@Tag(name = "Administration")
@Allowed(Role.NATIONAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TokenKeyAdminResource {

  @Inject TokenKeyAdministration administration;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest http;
  @Context SecurityContext security;

  /**
   * A token signing key.
   *
   * @param keyId the {@code kid} of the tokens it signs
   * @param createdAt when it was made
   * @param signing whether it signs new tokens
   * @param retiredAt when it stopped signing (none while it signs)
   * @param acceptedUntil until when its tokens are accepted, once retired; it is deleted then
   */
  public record KeyRepresentation(
      String keyId, String createdAt, boolean signing, String retiredAt, String acceptedUntil) {

    static KeyRepresentation of(AccessTokens.KeyView key) {
      return new KeyRepresentation(
          key.keyId(),
          key.createdAt().toString(),
          key.signing(),
          key.retiredAt().map(Object::toString).orElse(null),
          key.verifiesUntil().map(Object::toString).orElse(null));
    }
  }

  /**
   * A rotation done.
   *
   * @param signing the id of the key that signs from now on
   * @param keys every key whose tokens are accepted
   */
  public record RotationRepresentation(String signing, List<KeyRepresentation> keys) {}

  @GET
  @Operation(summary = "The token signing keys whose tokens are accepted (ids and dates only)")
  public List<KeyRepresentation> keys() {
    return administration.keys().stream().map(KeyRepresentation::of).toList();
  }

  @POST
  @Path("rotation")
  @Operation(
      summary = "Rotate the token signing key; audited",
      description =
          "A new key signs new tokens at once on this node and within 30 s on the others; tokens"
              + " signed with the previous key stay valid until they expire, and that key is"
              + " deleted after the token lifetime (plus 90 s).")
  public RotationRepresentation rotate() {
    AccessTokens.KeyRotation rotation =
        administration.rotate(CallerPrincipal.of(security).username(), clientAddress.of(http));
    return new RotationRepresentation(
        rotation.signing(), rotation.keys().stream().map(KeyRepresentation::of).toList());
  }
}
