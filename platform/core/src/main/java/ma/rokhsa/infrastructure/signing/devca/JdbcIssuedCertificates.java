package ma.rokhsa.infrastructure.signing.devca;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import javax.sql.DataSource;

/**
 * The register in the platform's database (migration V15), so that a restart keeps serials and
 * revocations. Issuers and subjects are stored as RFC 2253 names; serials in hexadecimal.
 */
public final class JdbcIssuedCertificates implements IssuedCertificates {

  private final DataSource dataSource;

  public JdbcIssuedCertificates(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void record(X509Certificate certificate) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into dev_ca_certificate (serial_number, issuer, subject, certificate,"
                    + " issued_at, not_after) values (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, certificate.getSerialNumber().toString(16));
      insert.setString(2, certificate.getIssuerX500Principal().getName(X500Principal.RFC2253));
      insert.setString(3, certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
      insert.setBytes(4, certificate.getEncoded());
      insert.setObject(5, utc(certificate.getNotBefore().toInstant()));
      insert.setObject(6, utc(certificate.getNotAfter().toInstant()));
      insert.executeUpdate();
    } catch (SQLException | CertificateEncodingException e) {
      throw new IllegalStateException("recording an issued certificate failed", e);
    }
  }

  @Override
  public boolean revoke(String issuer, BigInteger serial, Instant when, int reason) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update dev_ca_certificate set revoked_at = ?, revocation_reason = ?"
                    + " where serial_number = ? and issuer = ? and revoked_at is null")) {
      update.setObject(1, utc(when));
      update.setInt(2, reason);
      update.setString(3, serial.toString(16));
      update.setString(4, issuer);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("revoking certificate " + serial.toString(16) + " failed", e);
    }
  }

  @Override
  public Status status(String issuer, BigInteger serial) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select revoked_at, revocation_reason from dev_ca_certificate"
                    + " where serial_number = ? and issuer = ?")) {
      select.setString(1, serial.toString(16));
      select.setString(2, issuer);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return new Status.Unknown();
        }
        OffsetDateTime revokedAt = row.getObject(1, OffsetDateTime.class);
        return revokedAt == null
            ? new Status.Good()
            : new Status.Revoked(new Revocation(serial, revokedAt.toInstant(), row.getInt(2)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "reading the status of " + serial.toString(16) + " failed", e);
    }
  }

  @Override
  public List<Revocation> revoked(String issuer) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select serial_number, revoked_at, revocation_reason from dev_ca_certificate"
                    + " where issuer = ? and revoked_at is not null order by revoked_at")) {
      select.setString(1, issuer);
      List<Revocation> revocations = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          revocations.add(
              new Revocation(
                  new BigInteger(row.getString(1), 16),
                  row.getObject(2, OffsetDateTime.class).toInstant(),
                  row.getInt(3)));
        }
      }
      return revocations;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the revocations failed", e);
    }
  }

  @Override
  public Optional<X509Certificate> find(BigInteger serial) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select certificate from dev_ca_certificate where serial_number = ?")) {
      select.setString(1, serial.toString(16));
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            (X509Certificate)
                CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(row.getBytes(1))));
      }
    } catch (SQLException | CertificateException e) {
      throw new IllegalStateException("reading certificate " + serial.toString(16) + " failed", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
