package ma.rokhsa.plugin.testkit.sample;

import java.util.List;
import ma.rokhsa.plugin.api.procedure.ProcedureProvider;
import ma.rokhsa.plugin.testkit.ExampleDossier;
import ma.rokhsa.plugin.testkit.ProcedureContract;

/** The sample procedure passes the contract, as a vendor's test would show. */
class OccupationDomainePublicTest extends ProcedureContract {

  @Override
  protected ProcedureProvider provider() {
    return new OccupationDomainePublic();
  }

  @Override
  protected List<ExampleDossier> examples() {
    return ExampleDossier.read(getClass().getClassLoader(), "sample/examples.yaml");
  }
}
