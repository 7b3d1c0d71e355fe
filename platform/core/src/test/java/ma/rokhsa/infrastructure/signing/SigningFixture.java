package ma.rokhsa.infrastructure.signing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import ma.rokhsa.domain.model.document.Receipt;
import ma.rokhsa.domain.model.document.ReceiptItem;
import ma.rokhsa.infrastructure.pdf.PdfReceiptRenderer;
import ma.rokhsa.infrastructure.signing.devca.DevCertificationAuthority;
import ma.rokhsa.infrastructure.signing.devca.JdbcIssuedCertificates;
import ma.rokhsa.infrastructure.signing.devca.Signatory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * What the signature tests share, made once per test JVM: the development CA on the real schema
 * (H2, every migration), served over HTTP by a JDK server at the address its certificates name (so
 * that the signer, and poppler through NSS, fetch OCSP, CRLs and time stamps for real), two
 * signatories (an RSA key and an ECDSA key), a bilingual document of about 1 MB, and that document
 * signed twice at B-LT (a visa, then the authority's signature).
 */
final class SigningFixture {

  /**
   * The fixture. Made by a holder class: the HTTP server's threads run this class's code while the
   * fixture is being made, which a static field of this class would deadlock (class init lock).
   */
  static SigningFixture get() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final SigningFixture INSTANCE = create();
  }

  final JdbcDataSource database;
  final Path directory;
  final char[] password = "fixture-ca-password".toCharArray();
  final HttpServer server;
  final URI publicUrl;
  final DevCertificationAuthority ca;
  final PadesSigner signer;
  final SigningKey visa;
  final SigningKey authority;
  final byte[] document;
  final byte[] signedOnce;
  final byte[] signedTwice;
  final byte[] signedByTheAuthorityAlone;

  private SigningFixture() {
    try {
      database = new JdbcDataSource();
      database.setURL(
          "jdbc:h2:mem:signing-"
              + UUID.randomUUID()
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
      database.setUser("rokhsa");
      database.setPassword("rokhsa");
      Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
      directory = Files.createTempDirectory("rokhsa-dev-ca");
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      publicUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      ca =
          DevCertificationAuthority.open(
              directory,
              password,
              publicUrl,
              new JdbcIssuedCertificates(database),
              Clock.systemUTC());
      serve();
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
      server.start();
      signer =
          new PadesSigner(
              Optional.of(
                  new HttpTimeStampClient(
                      publicUrl.resolve(DevCertificationAuthority.PATH + "tsa"),
                      Duration.ofSeconds(10))),
              Optional.of(new HttpRevocationSource(Optional.empty(), Duration.ofSeconds(10))),
              Clock.systemUTC());
      visa =
          key(
              "RSA",
              new Signatory("Youssef Alaoui", "BE654321", "casablanca", "Commune de Casablanca"));
      authority =
          key(
              "EC",
              new Signatory("Nabila Rmili", "BK123456", "casablanca", "Commune de Casablanca"));
      document = documentOfAboutOneMegabyte();
      signedOnce =
          signer.sign(
              document,
              visa,
              new SignatureDetails("Youssef Alaoui", "Visa", "Casablanca"),
              PadesLevel.B_LT);
      signedTwice =
          signer.sign(
              signedOnce,
              authority,
              new SignatureDetails("Nabila Rmili", "Autorisation délivrée", "Casablanca"),
              PadesLevel.B_LT);
      signedByTheAuthorityAlone =
          signer.sign(
              document,
              authority,
              new SignatureDetails("Nabila Rmili", "Autorisation délivrée", "Casablanca"),
              PadesLevel.B_LT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SigningFixture create() {
    SigningFixture fixture = new SigningFixture();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> fixture.server.stop(0)));
    return fixture;
  }

  /** A new key of {@code algorithm} (RSA 2048 or ECDSA P-256) certified by the CA. */
  SigningKey key(String algorithm, Signatory signatory) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (algorithm.equals("EC")) {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    } else {
      generator.initialize(2048);
    }
    KeyPair keys = generator.generateKeyPair();
    return SigningKey.of(
        keys.getPrivate(),
        List.of(
            ca.issue(keys.getPublic(), signatory, Duration.ofDays(3 * 365)),
            ca.issuingCertificate()));
  }

  private void serve() {
    String base = "/" + DevCertificationAuthority.PATH;
    handle(base + "ocsp", "application/ocsp-response", ca::respond);
    handle(
        base + "tsa",
        "application/timestamp-reply",
        body -> {
          try {
            return ca.timestamp(body);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    handle(base + "issuing.crl", "application/pkix-crl", body -> ca.issuingCrl());
    handle(base + "root.crl", "application/pkix-crl", body -> ca.rootCrl());
    handle(base + "issuing.cer", "application/pkix-cert", body -> der(ca.issuingCertificate()));
    handle(base + "root.cer", "application/pkix-cert", body -> der(ca.rootCertificate()));
  }

  private void handle(String path, String type, Function<byte[], byte[]> answer) {
    server.createContext(
        path,
        (HttpExchange exchange) -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String requested = exchange.getRequestURI().getRawPath();
            if (exchange.getRequestMethod().equals("GET")
                && requested.length() > exchange.getHttpContext().getPath().length() + 1) {
              // RFC 6960 A.1: GET {url}/{url-encoded base64 of the DER request}
              body =
                  java.util.Base64.getDecoder()
                      .decode(
                          java.net.URLDecoder.decode(
                              requested.substring(requested.lastIndexOf('/') + 1),
                              java.nio.charset.StandardCharsets.US_ASCII));
            }
            byte[] reply = answer.apply(body);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(reply);
            }
          } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
          }
        });
  }

  private static byte[] der(java.security.cert.X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A receipt as the platform renders it (French and Arabic, fonts embedded), followed by a page
   * with a scanned-plan-like image that brings it to about 1 MB.
   */
  static byte[] documentOfAboutOneMegabyte() throws IOException {
    List<ReceiptItem> items = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      items.add(
          new ReceiptItem(
              "Plan de situation " + (i + 1),
              "تصميم الموقع",
              "plan-" + i + ".pdf",
              "%064x".formatted(i * 7919L + 1)));
    }
    byte[] receipt =
        new PdfReceiptRenderer()
            .render(
                new Receipt(
                    "PC-06.141.01.0-2026-000123",
                    "K7QF-2M9X",
                    "Commune de Casablanca",
                    "جماعة الدار البيضاء",
                    "Permis de construire",
                    "رخصة البناء",
                    "Nabila Rmili",
                    OffsetDateTime.of(2026, 12, 1, 10, 30, 0, 0, ZoneOffset.ofHours(1)),
                    items,
                    URI.create("https://rokhsa.example.ma/suivi/K7QF-2M9X"),
                    new BigDecimal("4300")));
    try (PDDocument document = Loader.loadPDF(receipt)) {
      BufferedImage plan = new BufferedImage(580, 580, BufferedImage.TYPE_INT_RGB);
      Random noise = new Random(20261207);
      for (int y = 0; y < plan.getHeight(); y++) {
        for (int x = 0; x < plan.getWidth(); x++) {
          plan.setRGB(x, y, noise.nextInt(0x1000000));
        }
      }
      PDImageXObject image = LosslessFactory.createFromImage(document, plan);
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(image, 40, 200, 515, 515);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
