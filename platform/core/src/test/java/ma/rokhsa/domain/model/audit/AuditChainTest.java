package ma.rokhsa.domain.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ma.rokhsa.domain.model.tenant.TenantId;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  static final TenantId CASA = TenantId.of("06.141.01.0");
  static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456789Z");

  /** A chain of {@code n} entries, as appended by the platform, and its head. */
  record Chain(List<ChainLink> links, ChainHead head) {}

  static Chain chain(int n) {
    AuditChain chain = AuditChain.start(CASA);
    List<ChainLink> links = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      links.add(
          chain
              .append(
                  new AuditEvent(
                      "agent.casa",
                      "dossier.viewed",
                      "dossier",
                      "CAS-2026-" + i,
                      "{\"page\": " + i + "}",
                      "10.0.0." + i),
                  T0.plusSeconds(i))
              .link());
    }
    return new Chain(links, chain.head());
  }

  static ChainVerification walk(List<ChainLink> links, Optional<ChainHead> head) {
    ChainWalk walk = new ChainWalk(CASA.value());
    for (ChainLink link : links) {
      if (!walk.accept(link)) {
        break;
      }
    }
    return walk.finish(head);
  }

  static ChainLink withDetail(ChainLink l, String detail) {
    return new ChainLink(
        l.tenant(),
        l.sequence(),
        l.recordedAt(),
        l.actor(),
        l.action(),
        l.subjectType(),
        l.subjectId(),
        detail,
        l.sourceAddress(),
        l.previousHash(),
        l.hash());
  }

  static ChainLink rehashed(ChainLink l) {
    return new ChainLink(
        l.tenant(),
        l.sequence(),
        l.recordedAt(),
        l.actor(),
        l.action(),
        l.subjectType(),
        l.subjectId(),
        l.detail(),
        l.sourceAddress(),
        l.previousHash(),
        AuditHash.of(l));
  }

  // --- the hash ------------------------------------------------------------------------------

  @Test
  void theHashIsSha256OverTheDocumentedLengthPrefixedEncoding() {
    // Computed independently (Python's hashlib over the encoding ADR 0005 documents): the
    // encoding is a promise to outside verifiers, so it must never change silently.
    String hash =
        AuditHash.of(
            "06.141.01.0",
            1,
            Instant.parse("2026-11-29T10:15:30.123456Z"),
            "agent.casa",
            "dossier.submitted",
            "dossier",
            "CAS-2026-000042",
            "",
            "10.1.2.3",
            AuditHash.GENESIS);

    assertThat(hash).isEqualTo(EXPECTED_VECTOR);
  }

  static final String EXPECTED_VECTOR =
      "73f5448bf45115b255f79fe87783d4e89cddb4d4e31e80fde69e6da560b61666";

  @Test
  void movingABoundaryBetweenFieldsChangesTheHash() {
    String a = AuditHash.of("06", 1, T0, "ab", "c", "d", "e", "", "", AuditHash.GENESIS);
    String b = AuditHash.of("06", 1, T0, "a", "bc", "d", "e", "", "", AuditHash.GENESIS);
    String c = AuditHash.of("06", 1, T0, "a", "b", "cd", "e", "", "", AuditHash.GENESIS);

    assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
    assertThat(b).isNotEqualTo(c);
    assertThat(a).matches("[0-9a-f]{64}");
  }

  @Test
  void onlyMicrosecondsOfTheTimeCountAsTheDatabaseKeepsNoMore() {
    Instant micros = Instant.parse("2026-11-29T10:15:30.123456Z");
    assertThat(AuditHash.time(T0)).isEqualTo("2026-11-29T10:15:30.123456Z");
    assertThat(AuditHash.time(Instant.parse("2026-11-29T10:15:30Z")))
        .isEqualTo("2026-11-29T10:15:30.000000Z");
    assertThat(AuditHash.of("06", 1, T0, "a", "b", "c", "d", "", "", AuditHash.GENESIS))
        .isEqualTo(AuditHash.of("06", 1, micros, "a", "b", "c", "d", "", "", AuditHash.GENESIS));
  }

  // --- appending -----------------------------------------------------------------------------

  @Test
  void appendsNumberEntriesFromOneAndLinkEachToThePrevious() {
    Chain chain = chain(3);

    assertThat(chain.links()).extracting(ChainLink::sequence).containsExactly(1L, 2L, 3L);
    assertThat(chain.links().get(0).previousHash()).isEqualTo(AuditHash.GENESIS);
    assertThat(chain.links().get(1).previousHash()).isEqualTo(chain.links().get(0).hash());
    assertThat(chain.links().get(2).previousHash()).isEqualTo(chain.links().get(1).hash());
    assertThat(chain.head()).isEqualTo(new ChainHead(3, chain.links().get(2).hash()));
    assertThat(chain.links().get(0).recordedAt()).isEqualTo(T0.plusSeconds(1).minusNanos(789));
  }

  @Test
  void eventsAreCheckedAndNeverCut() {
    assertThatThrownBy(() -> new AuditEvent(" ", "a", "t", "i", "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actor");
    assertThatThrownBy(() -> new AuditEvent("a", "a", "t", "i", "x".repeat(4001), ""))
        .hasMessageContaining("detail is longer than 4000");
    assertThatThrownBy(() -> new AuditEvent("a", "a", "t", "i", "nul\0", ""))
        .hasMessageContaining("NUL");
    AuditEvent system = new AuditEvent(AuditEvent.SYSTEM, "a", "t", "i", null, null);
    assertThat(system.detail()).isEmpty();
    assertThat(system.sourceAddress()).isEmpty();
  }

  // --- verifying -----------------------------------------------------------------------------

  @Test
  void anIntactChainGivesItsCountAndLastHash() {
    Chain chain = chain(5);

    ChainVerification result = walk(chain.links(), Optional.of(chain.head()));

    assertThat(result.intact()).isTrue();
    assertThat(result.entries()).isEqualTo(5);
    assertThat(result.lastHash()).isEqualTo(chain.head().lastHash());
    assertThat(walk(List.of(), Optional.empty()).intact()).as("no entries yet").isTrue();
  }

  @Test
  void anAlteredEntryIsNamed() {
    Chain chain = chain(5);
    List<ChainLink> links = new ArrayList<>(chain.links());
    links.set(2, withDetail(links.get(2), "{\"page\": 999}"));

    ChainVerification result = walk(links, Optional.of(chain.head()));

    assertThat(result.intact()).isFalse();
    assertThat(result.broken().orElseThrow().sequence()).isEqualTo(3);
    assertThat(result.broken().orElseThrow().fault()).isEqualTo(ChainFault.ALTERED);
    assertThat(result.entries()).isEqualTo(2);
  }

  @Test
  void anAlteredAndRehashedEntryBreaksTheNextLink() {
    Chain chain = chain(5);
    List<ChainLink> links = new ArrayList<>(chain.links());
    links.set(2, rehashed(withDetail(links.get(2), "{\"page\": 999}")));

    ChainBreak broken = walk(links, Optional.of(chain.head())).broken().orElseThrow();

    assertThat(broken.sequence()).isEqualTo(4);
    assertThat(broken.fault()).isEqualTo(ChainFault.PREVIOUS_HASH_MISMATCH);
    assertThat(broken.explanation()).contains("entry 3 or this one was replaced");
  }

  @Test
  void aRemovedEntryIsNamedByItsMissingSequence() {
    Chain chain = chain(6);
    List<ChainLink> links = new ArrayList<>(chain.links());
    links.remove(3);
    links.remove(3);

    ChainBreak broken = walk(links, Optional.of(chain.head())).broken().orElseThrow();

    assertThat(broken.sequence()).isEqualTo(4);
    assertThat(broken.fault()).isEqualTo(ChainFault.REMOVED);
    assertThat(broken.explanation()).contains("entries 4 to 5 are missing");
  }

  @Test
  void aRemovedFirstEntryIsNamed() {
    Chain chain = chain(3);

    ChainBreak broken =
        walk(chain.links().subList(1, 3), Optional.of(chain.head())).broken().orElseThrow();

    assertThat(broken.sequence()).isEqualTo(1);
    assertThat(broken.fault()).isEqualTo(ChainFault.REMOVED);
  }

  @Test
  void aTruncatedTailIsCaughtByTheHead() {
    Chain chain = chain(5);

    ChainBreak broken =
        walk(chain.links().subList(0, 3), Optional.of(chain.head())).broken().orElseThrow();

    assertThat(broken.sequence()).isEqualTo(4);
    assertThat(broken.fault()).isEqualTo(ChainFault.TRUNCATED);
  }

  @Test
  void aHeadThatDisagreesOrIsMissingIsCaught() {
    Chain chain = chain(3);

    ChainBreak wrongHash =
        walk(chain.links(), Optional.of(new ChainHead(3, AuditHash.GENESIS)))
            .broken()
            .orElseThrow();
    ChainBreak behind =
        walk(chain.links(), Optional.of(new ChainHead(2, chain.links().get(1).hash())))
            .broken()
            .orElseThrow();
    ChainBreak missing = walk(chain.links(), Optional.empty()).broken().orElseThrow();

    assertThat(wrongHash.fault()).isEqualTo(ChainFault.HEAD_MISMATCH);
    assertThat(behind.fault()).isEqualTo(ChainFault.HEAD_MISMATCH);
    assertThat(behind.sequence()).isEqualTo(3);
    assertThat(missing.fault()).isEqualTo(ChainFault.HEAD_MISMATCH);
  }

  @Test
  void aChainNeverAcceptsAnotherTenantsEntries() {
    ChainWalk walk = new ChainWalk("06.141.01.01");
    ChainLink casa = chain(1).links().get(0);

    assertThatThrownBy(() -> walk.accept(casa)).isInstanceOf(IllegalArgumentException.class);
  }
}
