package ma.rokhsa.interfaces.rest.signing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import ma.rokhsa.application.NotFound;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.infrastructure.signing.devca.DevCa;
import ma.rokhsa.infrastructure.signing.devca.DevCertificationAuthority;
import ma.rokhsa.interfaces.rest.InvalidParameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The development CA over HTTP (demo mode only; anything here is 404 otherwise): the addresses its
 * certificates name for their issuers, CRLs and OCSP responder, and its RFC 3161 TSA.
 */
@Path("public/dev-ca")
@RequestScoped
@Tag(name = "Development CA (demo mode only)")
public class DevCaResource {

  @Inject RokhsaSettings settings;
  @Inject Instance<DevCa> devCa;

  private DevCertificationAuthority ca() {
    if (!settings.demo()) {
      throw new NotFound("the development CA is served in demo mode only");
    }
    return devCa.get().authority();
  }

  @GET
  @Path("root.cer")
  @Produces("application/pkix-cert")
  @Operation(summary = "The development root certificate (DER)")
  public byte[] root() throws CertificateEncodingException {
    return ca().rootCertificate().getEncoded();
  }

  @GET
  @Path("issuing.cer")
  @Produces("application/pkix-cert")
  @Operation(summary = "The development issuing CA's certificate (DER)")
  public byte[] issuing() throws CertificateEncodingException {
    return ca().issuingCertificate().getEncoded();
  }

  @GET
  @Path("root.crl")
  @Produces("application/pkix-crl")
  @Operation(summary = "The root's CRL (the issuing CA's and TSA's certificates)")
  public byte[] rootCrl() {
    return ca().rootCrl();
  }

  @GET
  @Path("issuing.crl")
  @Produces("application/pkix-crl")
  @Operation(summary = "The issuing CA's CRL (signatory certificates)")
  public byte[] issuingCrl() {
    return ca().issuingCrl();
  }

  @POST
  @Path("ocsp")
  @Consumes("application/ocsp-request")
  @Produces("application/ocsp-response")
  @Operation(summary = "OCSP responder (RFC 6960); a malformed request gets malformedRequest")
  public byte[] ocsp(byte[] request) {
    return ca().respond(request);
  }

  @GET
  @Path("ocsp/{request}")
  @Produces("application/ocsp-response")
  @Operation(summary = "OCSP responder, GET form (RFC 6960 A.1: base64 of the DER request)")
  public byte[] ocspGet(@PathParam("request") String request) {
    DevCertificationAuthority ca = ca();
    byte[] der;
    try {
      der = Base64.getDecoder().decode(request);
    } catch (IllegalArgumentException e) {
      der = new byte[0]; // answered malformedRequest, as the protocol says
    }
    return ca.respond(der);
  }

  @POST
  @Path("tsa")
  @Consumes("application/timestamp-query")
  @Produces("application/timestamp-reply")
  @Operation(summary = "Time-stamping authority (RFC 3161)")
  public byte[] timestamp(byte[] query) throws IOException {
    DevCertificationAuthority ca = ca();
    try {
      return ca.timestamp(query);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter("body", "not an RFC 3161 time-stamp request");
    }
  }
}
