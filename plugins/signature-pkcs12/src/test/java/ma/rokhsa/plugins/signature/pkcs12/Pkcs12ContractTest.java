package ma.rokhsa.plugins.signature.pkcs12;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import ma.rokhsa.plugin.api.PluginContext;
import ma.rokhsa.plugin.api.signature.SignatureProvider;
import ma.rokhsa.plugin.testkit.signature.SignatureProviderContract;
import org.junit.jupiter.api.io.TempDir;

/** The soft token keeps the signature-provider contract of the testkit. */
class Pkcs12ContractTest extends SignatureProviderContract {

  @TempDir Path data;

  @Override
  protected SignatureProvider provider() {
    return new Pkcs12SignatureProvider(PluginContext.of(Clock.systemUTC(), data, Map.of()));
  }

  @Override
  protected char[] pin() {
    return "482913".toCharArray();
  }
}
