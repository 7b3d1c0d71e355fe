package ma.rokhsa.infrastructure.search.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maghrebi-name rules that no library has: from a name token already in lower-case ASCII Latin
 * (Arabic script is transliterated before, by ICU's {@code Arabic-Latin; Latin-ASCII} transform in
 * {@link DossierAnalyzers}), a phonetic key that the usual spellings of one name share.
 *
 * <p>Arabic script writes no short vowels, so the key is the consonant skeleton: vowels (and {@code
 * y}, {@code w}, {@code ou} used as vowels, the ʿayn and the hamza) are dropped, except that a
 * leading vowel is kept as {@code a} (Ahmed ≠ Hamid, Omar = عمر); French digraphs and the letters
 * that transliterate one Arabic letter are merged ({@code kh}/{@code h}, {@code ch}/{@code sh},
 * {@code dj}/{@code j}, {@code gh}/{@code g}, {@code th}/{@code t}, {@code q}/{@code k}, soft
 * {@code c}/{@code s}); doubled letters are collapsed and a final {@code h} (the ta marbuta) is
 * dropped. Mohamed, Mohammed, Mohamad, Mhamed and محمد all give {@code mhmd}.
 *
 * <p>Particles: El/Al/ال, Ben/Bin/Ibn/بن, Aït/Ait/آيت, Ould/ولد and Abd/Abdel are canonicalized;
 * {@link #particle} tells the token filter to glue a standalone particle to the next token, and
 * {@link #withoutPrefix} gives the name without a glued particle, so that "El Idrissi",
 * "Elidrissi", "Idrissi" and الإدريسي share a key.
 */
public final class NameKeys {

  /** Keys shorter than this say too little to match on. */
  static final int MIN_KEY_LENGTH = 2;

  private static final Map<String, String> PARTICLES =
      Map.ofEntries(
          Map.entry("al", "al"),
          Map.entry("el", "al"),
          Map.entry("ben", "ben"),
          Map.entry("bin", "ben"),
          Map.entry("bn", "ben"),
          Map.entry("ibn", "ben"),
          Map.entry("abn", "ben"),
          Map.entry("ait", "ait"),
          Map.entry("ayt", "ait"),
          Map.entry("ould", "ould"),
          Map.entry("wld", "ould"),
          Map.entry("abd", "abd"),
          Map.entry("abdel", "abd"),
          Map.entry("abdal", "abd"),
          Map.entry("abdul", "abd"));

  /** The article assimilated to a sun letter: Ettazi, Essaidi, Erraji, Ennaciri. */
  private static final Pattern ASSIMILATED_ARTICLE = Pattern.compile("^[ae]([tdrzsnl])\\1(.{2,})$");

  private static final Pattern GLUED_ARTICLE = Pattern.compile("^[ae]l(.{4,})$");
  private static final Pattern GLUED_BEN = Pattern.compile("^(?:ben|bin|bn|ibn)(.{4,})$");
  private static final Pattern GLUED_AIT = Pattern.compile("^(?:ait|ayt)(.{3,})$");

  /** Abd + article, plain or assimilated: Abdelkader, Abderrahim, Abdessamad, Abdallah. */
  private static final Pattern ABD_ARTICLE = Pattern.compile("^abd[eaou]l(?=.)");

  private static final Pattern ABD_ASSIMILATED = Pattern.compile("^abd[eaou]([tdrzsn])\\1");

  private NameKeys() {}

  /** The canonical particle a standalone token is, if it is one (el → al, bin → ben…). */
  public static Optional<String> particle(String token) {
    return Optional.ofNullable(PARTICLES.get(letters(token.replace('ʿ', 'a').replace('ʾ', 'a'))));
  }

  /**
   * The name without a glued particle (elidrissi → idrissi, ettazi → tazi, benjelloun → jelloun,
   * aitbaha → baha), if it has one and enough is left.
   */
  public static Optional<String> withoutPrefix(String token) {
    String s = letters(token);
    for (Pattern p : List.of(ASSIMILATED_ARTICLE, GLUED_BEN, GLUED_AIT, GLUED_ARTICLE)) {
      Matcher m = p.matcher(s);
      if (m.matches()) {
        String rest = m.group(m.groupCount());
        if (p == ASSIMILATED_ARTICLE) {
          rest = m.group(1) + rest;
        }
        return Optional.of(rest);
      }
    }
    return Optional.empty();
  }

  /** Glues a canonical particle to the name that follows it (abd drops that name's article). */
  public static String glue(String particle, String next) {
    String n = letters(next);
    if (particle.equals("abd")) {
      n = withoutArticle(n);
    }
    return particle + n;
  }

  private static String withoutArticle(String s) {
    Matcher m = ASSIMILATED_ARTICLE.matcher(s);
    if (m.matches()) {
      return m.group(1) + m.group(2);
    }
    m = Pattern.compile("^[ae]l(.{2,})$").matcher(s);
    return m.matches() ? m.group(1) : s;
  }

  /**
   * The phonetic key of one name token in lower-case ASCII Latin (ʿ and ʾ allowed: ICU writes them
   * for ʿayn and hamza); empty if too short to be useful.
   */
  public static String key(String token) {
    return key(token, false);
  }

  /**
   * The strict key: the skeleton with the long vowels kept where both scripts write them ({@code
   * ou} and {@code i} in Latin, و and ي in Arabic), prefixed with {@value #STRICT}. Mahmoud and
   * محمود give {@code ~mhmwd}, Mohamed and محمد {@code ~mhmd}, while both share the loose key
   * {@code mhmd}: matching the strict key too ranks the intended name first.
   */
  public static String strictKey(String token) {
    String k = key(token, true);
    return k.isEmpty() ? k : STRICT + k;
  }

  /** The prefix of strict keys, which loose keys never start with. */
  public static final String STRICT = "~";

  private static String key(String token, boolean strict) {
    String s = token.toLowerCase(Locale.ROOT).replace('ʿ', 'a').replace('ʾ', 'a');
    s = letters(s);
    if (s.isEmpty()) {
      return "";
    }
    s = ABD_ARTICLE.matcher(s).replaceFirst("abd");
    s = ABD_ASSIMILATED.matcher(s).replaceFirst("abd$1");
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      char after = i + 2 < s.length() ? s.charAt(i + 2) : 0;
      boolean first = i == 0;
      if (c == 'o' && next == 'u') {
        // French "ou": at the start, the consonant w before a vowel (Ouafae = وفاء), else the
        // vowel u (Oussama = أسامة); inside a word w is a long vowel, dropped as in Arabic.
        if (first) {
          append(out, isVowel(after) ? 'w' : 'a');
        } else if (strict && !isVowel(after)) {
          // A long u (Mahmoud = محمود); before a vowel it is a short u with ʿayn or hamza
          // (Souad = سعاد, Raouf = رؤوف), which Arabic does not write as و.
          append(out, 'w');
        }
        i += 2;
        continue;
      }
      if (next == 'h' && "kcsgtdp".indexOf(c) >= 0) {
        append(out, digraph(c));
        i += 2;
        continue;
      }
      if (c == 'd' && next == 'j') {
        append(out, 'j');
        i += 2;
        continue;
      }
      if (c == 'c' && next == 'k') {
        append(out, 'k');
        i += 2;
        continue;
      }
      if (isVowel(c)) {
        if (first) {
          append(out, 'a');
        } else if (strict && c == 'i') {
          append(out, 'y');
        } else if (strict && c == 'u' && next != 0 && !isVowel(next)) {
          append(out, 'w'); // English-style long u: Mahmud = محمود, Yunus = يونس
        }
        i++;
        continue;
      }
      if (c == 'y' || c == 'w') {
        // Consonants at the start (Youssef, Wafae), long vowels inside (Idrissi = ادريسي).
        if (first || strict) {
          append(out, c);
        }
        i++;
        continue;
      }
      append(out, consonant(c, next));
      i++;
    }
    if (out.length() > 2 && out.charAt(out.length() - 1) == 'h') {
      out.setLength(out.length() - 1);
    }
    return out.length() >= MIN_KEY_LENGTH ? out.toString() : "";
  }

  private static char digraph(char c) {
    switch (c) {
      case 'k':
        return 'h'; // kh: Khalid = Halid; خ and ح are both h.
      case 'c':
      case 's':
        return 'x'; // ch = sh = ش
      case 'g':
        return 'g'; // gh = غ (a plain g is j, below)
      case 't':
        return 't'; // th = ث: Thami = Tami
      case 'd':
        return 'd'; // dh = ذ
      default:
        return 'f'; // ph
    }
  }

  private static char consonant(char c, char next) {
    switch (c) {
      case 'q':
        return 'k'; // Qassem = Kacem
      case 'c':
        return next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
      case 'g':
        return 'j'; // Guezouli = Jazouli = الجزولي: ج is said g in much of Morocco
      case 'x':
        return 'x';
      default:
        return c;
    }
  }

  private static void append(StringBuilder out, char c) {
    if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
      out.append(c);
    }
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static String letters(String token) {
    StringBuilder b = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = Character.toLowerCase(token.charAt(i));
      if ((c >= 'a' && c <= 'z') || c == 'ʿ' || c == 'ʾ') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Every key a name token contributes: its own and, with a glued particle, the rest's. */
  public static List<String> keysOf(String token) {
    List<String> keys = new ArrayList<>(4);
    addKey(keys, key(token));
    addKey(keys, strictKey(token));
    withoutPrefix(token)
        .ifPresent(
            rest -> {
              addKey(keys, key(rest));
              addKey(keys, strictKey(rest));
            });
    return keys;
  }

  static void addKey(List<String> keys, String key) {
    if (!key.isEmpty() && !keys.contains(key)) {
      keys.add(key);
    }
  }
}
