package ma.rokhsa.domain.model.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import ma.rokhsa.domain.model.tenant.TenantId;
import org.junit.jupiter.api.Test;

class DossierReferenceTest {

  @Test
  void writtenAndReadInOnePlaceWithTheTenantFirst() {
    DossierReference reference = new DossierReference(TenantId.of("06.181.01.05"), 2026, 42);

    assertThat(reference.value()).isEqualTo("06.181.01.05-2026-000042");
    assertThat(DossierReference.parse(" 06.181.01.05-2026-000042 ")).contains(reference);
    assertThat(DossierReference.parse("svc-agence-urbaine-casablanca-2026-1234567"))
        .as("tenant ids have dashes of their own; the number grows past six digits")
        .hasValueSatisfying(
            r -> {
              assertThat(r.tenant()).isEqualTo(TenantId.of("svc-agence-urbaine-casablanca"));
              assertThat(r.number()).isEqualTo(1_234_567);
            });
  }

  @Test
  void anythingElseIsNoReference() {
    assertThat(DossierReference.parse(null)).isEmpty();
    assertThat(DossierReference.parse("")).isEmpty();
    assertThat(DossierReference.parse("06.181.01.05-26-000042")).isEmpty();
    assertThat(DossierReference.parse("06.181.01.05-2026-42")).isEmpty();
    assertThat(DossierReference.parse("06.181.01.05-2026-000000")).isEmpty();
  }
}
