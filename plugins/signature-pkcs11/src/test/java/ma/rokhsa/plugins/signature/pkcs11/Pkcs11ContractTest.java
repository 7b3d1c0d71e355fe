package ma.rokhsa.plugins.signature.pkcs11;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import ma.rokhsa.plugin.api.PluginContext;
import ma.rokhsa.plugin.api.signature.SignatureProvider;
import ma.rokhsa.plugin.testkit.signature.SignatureProviderContract;

/**
 * The PKCS#11 provider keeps the signature-provider contract of the testkit, on a real SoftHSM2
 * token (one provider for the class: one SunPKCS11 instance per module and slot).
 */
class Pkcs11ContractTest extends SignatureProviderContract {

  private static Pkcs11SignatureProvider provider;

  @Override
  protected synchronized SignatureProvider provider() throws Exception {
    if (provider == null) {
      provider =
          new Pkcs11SignatureProvider(
              PluginContext.of(
                  Clock.systemUTC(),
                  Files.createTempDirectory("pkcs11-contract"),
                  Map.of(
                      "library",
                      SoftHsm.LIBRARY.toString(),
                      "slot",
                      SoftHsm.slot(),
                      "session-wait",
                      "PT2S")));
    }
    return provider;
  }

  @Override
  protected char[] pin() {
    return SoftHsm.USER_PIN.toCharArray();
  }
}
