package ma.rokhsa.infrastructure.search.lucene;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The analysis of each dossier field (ADR 0020), all from Lucene's own filters except {@link
 * NameKeyFilter}:
 *
 * <ul>
 *   <li>{@link #text()}: French and Arabic in one field. Elision (l', d', qu'…), French and Arabic
 *       stop words, Arabic normalization (alef and hamza forms, alef maqsura, ta marbuta, tatweel,
 *       diacritics), Arabic light stemming (light10) on Arabic-script tokens, and on Latin-script
 *       tokens accents folded then French light stemming.
 *   <li>{@link #address()}: the same, with the abbreviations of {@code search/address-synonyms.txt}
 *       (Bd → boulevard) expanded first.
 *   <li>{@link #names()}: names as written, folded (accents, Arabic normalization), not stemmed.
 *   <li>{@link #nameKeys()}: names as phonetic keys across scripts: ICU's {@code Arabic-Latin;
 *       Latin-ASCII} transform, then {@link NameKeys}.
 * </ul>
 */
public final class DossierAnalyzers {

  private static final String TRANSLITERATION = "Arabic-Latin; Latin-ASCII; Lower";

  private DossierAnalyzers() {}

  /**
   * The per-field analyzer of the dossier index: {@link DossierFields} says which field is which.
   */
  public static Analyzer perField() {
    Analyzer text = text();
    Analyzer names = names();
    Analyzer keys = nameKeys();
    Analyzer address = address();
    Analyzer keyword = new KeywordAnalyzer();
    Map<String, Analyzer> byField =
        Map.of(
            DossierFields.TEXT, text,
            DossierFields.NAMES, names,
            DossierFields.NAME_KEYS, keys,
            DossierFields.ADDRESS, address,
            DossierFields.PLACE, names);
    return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return byField.getOrDefault(fieldName, keyword);
      }
    };
  }

  /** French and Arabic free text (form values, avis summaries, procedure names). */
  public static Analyzer text() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, multilingual(source, null));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new ArabicNormalizationFilter(new LowerCaseFilter(in)));
      }
    };
  }

  /** Addresses: {@link #text()} with the address abbreviations expanded. */
  public static Analyzer address() {
    SynonymMap synonyms = addressSynonyms();
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, multilingual(source, synonyms));
      }
    };
  }

  /** Names and place names as written: lower case, accents folded, Arabic normalized. */
  public static Analyzer names() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new LowerCaseFilter(source);
        s = new ArabicNormalizationFilter(s);
        s = new ASCIIFoldingFilter(s);
        return new TokenStreamComponents(source, s);
      }
    };
  }

  /** Names as phonetic keys that Latin and Arabic spellings of one name share. */
  public static Analyzer nameKeys() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new LowerCaseFilter(source);
        s = new ArabicNormalizationFilter(s);
        s = new ICUTransformFilter(s, Transliterator.getInstance(TRANSLITERATION));
        s = new NameKeyFilter(s);
        return new TokenStreamComponents(source, s);
      }
    };
  }

  /** One name through {@link #nameKeys()}: what the index holds for it (tests, diagnostics). */
  public static java.util.List<String> keysOf(String name) {
    try (Analyzer a = nameKeys()) {
      return terms(a, name);
    }
  }

  static java.util.List<String> terms(Analyzer analyzer, String text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The terms of a text grouped by position: the keys of one name come as one group. */
  static java.util.List<java.util.List<String>> termsByPosition(Analyzer analyzer, String text) {
    java.util.List<java.util.List<String>> out = new java.util.ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute position =
          ts.addAttribute(
              org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (position.getPositionIncrement() > 0 || out.isEmpty()) {
          out.add(new java.util.ArrayList<>());
        }
        out.get(out.size() - 1).add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static TokenStream multilingual(Tokenizer source, SynonymMap synonyms) {
    TokenStream s = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
    s = new LowerCaseFilter(s);
    if (synonyms != null) {
      s = new SynonymGraphFilter(s, synonyms, true);
    }
    s = new DecimalDigitFilter(s);
    s = new StopFilter(s, STOP_WORDS);
    s = new ArabicNormalizationFilter(s);
    s = new ArabicScript(s, true, ArabicStemFilter::new);
    s = new ArabicScript(s, false, t -> new FrenchLightStemFilter(new ASCIIFoldingFilter(t)));
    return s;
  }

  private static final CharArraySet STOP_WORDS = stopWords();

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(FrenchAnalyzer.getDefaultStopSet(), false);
    set.addAll(ArabicAnalyzer.getDefaultStopSet());
    // The article of place and street names (Route d'El Jadida) says nothing; "ait" (a form of
    // avoir to the French list) is a name particle.
    set.addAll(java.util.List.of("el", "al"));
    set.remove("ait");
    return CharArraySet.unmodifiableSet(set);
  }

  private static SynonymMap addressSynonyms() {
    try (Reader rules =
        new InputStreamReader(
            Objects.requireNonNull(
                DossierAnalyzers.class.getResourceAsStream("/search/address-synonyms.txt"),
                "search/address-synonyms.txt"),
            StandardCharsets.UTF_8)) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, new KeywordAnalyzer());
      parser.parse(rules);
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("search/address-synonyms.txt: " + e.getMessage(), e);
    }
  }

  /** Applies a filter to the tokens of one script only: Arabic stemming to Arabic words, etc. */
  private static final class ArabicScript extends ConditionalTokenFilter {
    private final boolean arabic;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    ArabicScript(
        TokenStream input,
        boolean arabic,
        java.util.function.Function<TokenStream, TokenStream> filter) {
      super(input, filter);
      this.arabic = arabic;
    }

    @Override
    protected boolean shouldFilter() {
      boolean isArabic = term.length() > 0 && term.charAt(0) >= 0x0600 && term.charAt(0) <= 0x06FF;
      return isArabic == arabic;
    }
  }
}
