package ma.rokhsa.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An external OpenID Connect provider's tokens: issuer, audience, and the claim naming the account.
 */
class ExternalTokenClaimsTest {

  private static final String ISSUER = "https://idp.example.ma/realms/interieur";

  private static JWTClaimsSet.Builder claims() {
    Date now = new Date();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .issueTime(now)
        .expirationTime(new Date(now.getTime() + 300_000))
        .subject("idp-agent");
  }

  @Test
  void aTokenForAnotherClientOfTheProviderIsRefusedWhenTheAudienceIsSet() throws Exception {
    var verifier = TokenVerifier.externalClaims(ISSUER, Optional.of("rokhsa"));

    verifier.verify(claims().audience(List.of("other-app", "rokhsa")).build(), null);
    assertThatThrownBy(() -> verifier.verify(claims().audience("other-app").build(), null))
        .isInstanceOf(BadJWTException.class);
    assertThatThrownBy(() -> verifier.verify(claims().build(), null))
        .as("no audience at all")
        .isInstanceOf(BadJWTException.class);
    assertThatThrownBy(
            () ->
                verifier.verify(
                    claims().issuer("https://other.example").audience("rokhsa").build(), null))
        .isInstanceOf(BadJWTException.class);
  }

  @Test
  void anEmailNamesAnAccountOnlyIfTheProviderVerifiedIt() throws Exception {
    assertThat(TokenVerifier.externalUsername(claims().claim("email", "a@x.ma").build())).isEmpty();
    assertThat(
            TokenVerifier.externalUsername(
                claims().claim("email", "a@x.ma").claim("email_verified", false).build()))
        .isEmpty();
    assertThat(
            TokenVerifier.externalUsername(
                claims().claim("email", "a@x.ma").claim("email_verified", "true").build()))
        .as("a string is not the boolean the specification asks for")
        .isEmpty();
    assertThat(
            TokenVerifier.externalUsername(
                claims().claim("email", "a@x.ma").claim("email_verified", true).build()))
        .contains("a@x.ma");
    assertThat(
            TokenVerifier.externalUsername(
                claims().claim("preferred_username", "agent").claim("email", "a@x.ma").build()))
        .contains("agent");
  }
}
