package ma.rokhsa.interfaces.rest.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import ma.rokhsa.application.SignatureKeyService;
import ma.rokhsa.application.SigningRights;
import ma.rokhsa.domain.model.identity.Role;
import ma.rokhsa.domain.model.tenant.TenantId;
import ma.rokhsa.interfaces.rest.InvalidParameter;
import ma.rokhsa.interfaces.rest.tenant.SignatureKeyRepresentations.ChainUpload;
import ma.rokhsa.interfaces.rest.tenant.SignatureKeyRepresentations.KeyView;
import ma.rokhsa.interfaces.rest.tenant.SignatureKeyRepresentations.NewKey;
import ma.rokhsa.interfaces.rest.tenant.SignatureKeyRepresentations.Renewal;
import ma.rokhsa.interfaces.rest.tenant.SignatureKeyRepresentations.Revocation;
import ma.rokhsa.interfaces.rest.tenant.SignatureKeyRepresentations.SigningRightView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's signature keys: issued to its named signatories within its quota (and the extra keys
 * it bought), certified, renewed, revoked; and the caller's own signing right. {@link
 * TenantAccessFilter} has checked that the caller may see this tenant (and write, for POST); the
 * changes need a tenant admin. PINs pass through to the signature provider and are never kept.
 */
@Path("tenants/{tenantId}/signature-keys")
@RequestScoped
@TenantBound
@Tag(name = "Signature keys")
@Produces(MediaType.APPLICATION_JSON)
public class SignatureKeyResource {

  @Inject RequestTenant request;
  @Inject SignatureKeyService keys;
  @Inject SigningRights rights;
  @Inject HttpServletRequest http;
  @Inject Clock clock;

  private TenantId id() {
    return request.tenant().id();
  }

  @GET
  @Operation(summary = "The tenant's signature keys, newest first")
  public List<KeyView> signatureKeys() {
    Instant now = clock.instant();
    return keys.keys(id()).stream().map(k -> KeyView.of(k, now)).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Issue a signature key to a named signatory",
      description =
          "Makes a credential in the tenant's signature provider, protected by the signatory's PIN"
              + " (never stored), has its certificate issued (the development CA in demo mode;"
              + " elsewhere the key awaits the chain uploaded to certificate-chain) and binds it."
              + " Refused (409) once the quota and the extra keys recorded are all in use.")
  public Response issue(@Valid @NotNull NewKey key) {
    request.access().require(Role.TENANT_ADMIN);
    return keys.issueKey(
            id(),
            key.signatoryId,
            key.label,
            key.pin.toCharArray(),
            request.caller().username(),
            http.getRemoteAddr())
        .map(
            k ->
                Response.status(Response.Status.CREATED)
                    .entity(KeyView.of(k, clock.instant()))
                    .build())
        .orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("{keyId}")
  @Operation(summary = "One signature key")
  public KeyView key(@PathParam("keyId") long keyId) {
    return keys.key(id(), keyId)
        .map(k -> KeyView.of(k, clock.instant()))
        .orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("{keyId}/certificate")
  @Produces("application/pkix-cert")
  @Operation(summary = "The key's current certificate (DER)")
  public byte[] certificate(@PathParam("keyId") long keyId) throws CertificateEncodingException {
    return keys.key(id(), keyId)
        .flatMap(k -> k.certificate())
        .orElseThrow(NotFoundException::new)
        .getEncoded();
  }

  @POST
  @Path("{keyId}/certificate-chain")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Store the certificate chain issued for the key's credential",
      description =
          "PEM, the key's certificate first, each certified by the next: the first certificate of"
              + " a key awaiting it, or a renewed one for the same public key.")
  public KeyView uploadChain(@PathParam("keyId") long keyId, @Valid @NotNull ChainUpload upload) {
    request.access().require(Role.TENANT_ADMIN);
    if (keys.key(id(), keyId).isEmpty()) {
      throw new NotFoundException();
    }
    return keys.storeCertificateChain(
            id(),
            keyId,
            parseChain(upload.certificateChain),
            upload.pin.toCharArray(),
            request.caller().username(),
            http.getRemoteAddr())
        .map(k -> KeyView.of(k, clock.instant()))
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{keyId}/renew")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Renew the key's certificate (same credential, same quota slot)",
      description = "Demo mode: the development CA issues it. Elsewhere: upload certificate-chain.")
  public KeyView renew(@PathParam("keyId") long keyId, @Valid @NotNull Renewal renewal) {
    request.access().require(Role.TENANT_ADMIN);
    return keys.renewKey(
            id(),
            keyId,
            renewal.pin.toCharArray(),
            request.caller().username(),
            http.getRemoteAddr())
        .map(k -> KeyView.of(k, clock.instant()))
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{keyId}/revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Revoke a signature key, with a reason",
      description =
          "For good: it cannot sign any more and frees its quota slot; in demo mode the"
              + " development CA revokes its certificate (CRL and OCSP).")
  public KeyView revoke(@PathParam("keyId") long keyId, @Valid @NotNull Revocation revocation) {
    request.access().require(Role.TENANT_ADMIN);
    return keys.revokeKey(
            id(),
            keyId,
            revocation.reason,
            revocation.keyCompromised,
            request.caller().username(),
            http.getRemoteAddr())
        .map(k -> KeyView.of(k, clock.instant()))
        .orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("signing-right")
  @Operation(
      summary = "What the caller may sign with in this tenant (now, or at a given instant)",
      description =
          "403 no-signing-right when the caller is not a named signatory of the tenant or an"
              + " interim signatory without a mandate in force; 403 signing-key-unusable when"
              + " they hold no key that may sign then.")
  public SigningRightView signingRight(@QueryParam("at") String at) {
    Instant instant = at == null || at.isBlank() ? clock.instant() : instant(at);
    return SigningRightView.of(rights.resolve(id(), request.caller().username(), instant));
  }

  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidParameter("at", "an ISO 8601 date-time with an offset");
    }
  }

  static List<X509Certificate> parseChain(String pem) {
    try {
      List<X509Certificate> chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))
              .stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (chain.isEmpty()) {
        throw new InvalidParameter("certificateChain", "no certificate in it");
      }
      return chain;
    } catch (CertificateException | IllegalArgumentException e) {
      throw new InvalidParameter("certificateChain", "PEM X.509 certificates");
    }
  }

  /** One certificate in PEM. */
  static String pem(X509Certificate certificate) throws CertificateEncodingException {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
