package ma.rokhsa.infrastructure.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The token signing key as stored, shared by every node. */
@Entity
@Table(name = "token_signing_key")
class TokenSigningKeyRecord {

  @Id
  @Column(name = "kid", length = 100)
  String kid;

  @Column(name = "private_jwk", nullable = false, length = 8000)
  String privateJwk;

  @Column(name = "created_at", nullable = false)
  OffsetDateTime createdAt;

  /** When it stopped signing (a newer key took over); null while it signs. */
  @Column(name = "retired_at")
  OffsetDateTime retiredAt;
}
