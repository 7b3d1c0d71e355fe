package ma.rokhsa.infrastructure.search.lucene;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Turns name tokens (lower-case ASCII Latin, Arabic already transliterated) into the phonetic keys
 * of {@link NameKeys}: one position per name, the keys of one name stacked at that position. A
 * standalone particle (El, Ben, Aït, Abd…) is glued to the next name: "Ben Jelloun" gives {@code
 * bnjln} and {@code jln}, as "Benjelloun" and بنجلون do.
 */
final class NameKeyFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private final Deque<String> pending = new ArrayDeque<>();
  private State pendingState;
  private String lookahead;
  private State lookaheadState;
  private boolean exhausted;

  NameKeyFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(pendingState);
      term.setEmpty().append(pending.poll());
      position.setPositionIncrement(0);
      return true;
    }
    while (true) {
      String token;
      if (lookahead != null) {
        restoreState(lookaheadState);
        token = lookahead;
        lookahead = null;
      } else if (!exhausted && input.incrementToken()) {
        token = term.toString();
      } else {
        exhausted = true;
        return false;
      }
      State state = captureState();
      List<String> keys = new ArrayList<>(3);
      Optional<String> particle = NameKeys.particle(token);
      if (particle.isPresent()) {
        String next = nextName(particle.get());
        if (next != null) {
          String glued = NameKeys.glue(particle.get(), next);
          NameKeys.addKey(keys, NameKeys.key(glued));
          NameKeys.addKey(keys, NameKeys.strictKey(glued));
          NameKeys.keysOf(next).forEach(k -> NameKeys.addKey(keys, k));
        } else {
          NameKeys.addKey(keys, NameKeys.key(token));
          NameKeys.addKey(keys, NameKeys.strictKey(token));
        }
      } else {
        keys.addAll(NameKeys.keysOf(token));
      }
      if (keys.isEmpty()) {
        continue;
      }
      restoreState(state);
      term.setEmpty().append(keys.get(0));
      pending.addAll(keys.subList(1, keys.size()));
      pendingState = state;
      return true;
    }
  }

  /** The name after a particle, skipping an article after Abd or Ben ("Abd El Kader"). */
  private String nextName(String particle) throws IOException {
    while (!exhausted && input.incrementToken()) {
      String next = term.toString();
      Optional<String> alsoParticle = NameKeys.particle(next);
      if (alsoParticle.isPresent() && alsoParticle.get().equals("al") && !particle.equals("al")) {
        continue;
      }
      if (alsoParticle.isPresent()) {
        lookahead = next;
        lookaheadState = captureState();
        return null;
      }
      return next;
    }
    exhausted = true;
    return null;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    pendingState = null;
    lookahead = null;
    lookaheadState = null;
    exhausted = false;
  }
}
