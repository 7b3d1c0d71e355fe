package ma.rokhsa.infrastructure.signing;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How long signing and validating the 1 MB test document take, in process (the development CA
 * answers time stamps and OCSP in the same JVM, so the numbers are the engine's, not the network's;
 * the HTTP benchmark of issue 10 comes with the signing flow). Not a test: run it with
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -pl platform/core -am \
 *     -Dmdep.outputFile=/tmp/core.cp -Dmdep.includeScope=test
 * java -cp platform/core/target/test-classes:platform/core/target/classes:$(cat /tmp/core.cp) \
 *     ma.rokhsa.infrastructure.signing.SigningBenchmark 40
 * </pre>
 */
public final class SigningBenchmark {

  private SigningBenchmark() {}

  public static void main(String[] arguments) {
    int rounds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 40;
    SigningFixture fixture = SigningFixture.get();
    PadesSigner signer =
        new PadesSigner(Optional.of(fixture.ca), Optional.of(fixture.ca), Clock.systemUTC());
    PdfSignatureValidator validator =
        new PdfSignatureValidator(List.of(fixture.ca.rootCertificate()), Clock.systemUTC());
    SignatureDetails details = new SignatureDetails("Nabila Rmili", "Benchmark", "Casablanca");
    for (PadesLevel level : PadesLevel.values()) {
      for (String key : List.of("ECDSA P-256", "RSA 2048")) {
        SigningKey signingKey = key.startsWith("RSA") ? fixture.visa : fixture.authority;
        long[] times = new long[rounds];
        byte[] signed = null;
        for (int i = -5; i < rounds; i++) { // five rounds of warm-up
          long start = System.nanoTime();
          signed = signer.sign(fixture.document, signingKey, details, level);
          if (i >= 0) {
            times[i] = System.nanoTime() - start;
          }
        }
        print("sign " + level.label() + " " + key, times);
        long[] validations = new long[rounds];
        for (int i = -5; i < rounds; i++) {
          long start = System.nanoTime();
          validator.validate(signed);
          if (i >= 0) {
            validations[i] = System.nanoTime() - start;
          }
        }
        print("validate " + level.label() + " " + key, validations);
      }
    }
    System.exit(0);
  }

  private static void print(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double p50 = sorted[sorted.length / 2] / 1e6;
    double p95 = sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6;
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    System.out.printf(
        "%-28s n=%d  p50 %6.1f ms  p95 %6.1f ms  %5.1f/s (one thread)%n",
        what, sorted.length, p50, p95, 1000 / mean);
  }
}
