package ma.rokhsa.infrastructure.search.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.infrastructure.search.DossierIndexer;
import ma.rokhsa.infrastructure.search.DossierSearch;
import ma.rokhsa.infrastructure.search.SearchHit;
import ma.rokhsa.infrastructure.search.SearchPage;
import ma.rokhsa.infrastructure.search.SearchRequest;
import ma.rokhsa.infrastructure.search.SearchScope;
import ma.rokhsa.infrastructure.search.SearchSort;
import ma.rokhsa.infrastructure.search.SearchableDossier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The dossier index of one node: one Lucene index for every tenant (ADR 0020), written by one
 * {@link IndexWriter} and searched near real time through a {@link SearcherManager}.
 *
 * <p>The caller owns the {@link Directory}; this class owns the writer and the searchers and
 * releases them on {@link #close()}, which does not commit (commit with the change-log cursor
 * first, {@link #commit(Map)}).
 *
 * <pre>{@code
 * try (LuceneDossierIndex index = new LuceneDossierIndex(FSDirectory.open(path), zone)) {
 *   index.index(dossier); index.refresh(); index.commit(Map.of("cursor", "42"));
 *   SearchPage page = index.search(SearchRequest.of(new SearchScope.Tenants(Set.of(t)), "Idrissi", today));
 * }
 * }</pre>
 *
 * <p>Expert: the writer's RAM buffer is {@value #RAM_BUFFER_MB} MB; the scope is a filter clause of
 * every query, built from the {@link SearchScope} only, and request filters are further filter
 * clauses, so no parameter can widen it.
 */
public final class LuceneDossierIndex implements DossierSearch, DossierIndexer, Closeable {

  static final double RAM_BUFFER_MB = 64;

  /** Facet dimensions, in the order a result shows them. */
  static final List<String> FACETS =
      List.of(
          DossierFields.PROCEDURE,
          DossierFields.STATE,
          DossierFields.PHASE,
          DossierFields.TENANT,
          DossierFields.PROVINCE,
          DossierFields.REGION);

  static final String OVERDUE_FACET = "overdue";

  private static org.apache.lucene.document.FieldType nameType() {
    org.apache.lucene.document.FieldType t = new org.apache.lucene.document.FieldType(SNIPPET_TYPE);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  /** Text shown in snippets: offsets in the postings, so highlighting re-analyzes nothing. */
  private static final org.apache.lucene.document.FieldType SNIPPET_TYPE = snippetType();

  /** Names: a long name or one written in two scripts is no less a match (no length norms). */
  private static final org.apache.lucene.document.FieldType NAME_TYPE = nameType();

  private static org.apache.lucene.document.FieldType snippetType() {
    org.apache.lucene.document.FieldType t =
        new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(
        org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private static final Pattern REFERENCE = Pattern.compile("\\S+-\\d{4}-\\d{6,18}");
  private static final int SNIPPET_FIELDS_MAX = 1;

  private final Analyzer analyzer = DossierAnalyzers.perField();
  private final Analyzer names = DossierAnalyzers.names();
  private final Analyzer keys = DossierAnalyzers.nameKeys();
  private final Analyzer text = DossierAnalyzers.text();
  private final Analyzer address = DossierAnalyzers.address();
  private final FacetsConfig facets = new FacetsConfig();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ZoneId zone;

  /**
   * Opens (or creates) the index in this directory.
   *
   * @param directory where the index lives (the node's local disk: ADR 0020)
   * @param zone the legal time zone: date filters are legal dates
   */
  public LuceneDossierIndex(Directory directory, ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
    try {
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(RAM_BUFFER_MB);
      // Only commit(data) makes changes durable, always with the change-log cursor they match.
      config.setCommitOnClose(false);
      writer = new IndexWriter(directory, config);
      searchers = new SearcherManager(writer, new FacetedSearcherFactory(facets));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index", e);
    }
  }

  @Override
  public void index(SearchableDossier d) {
    try {
      writer.updateDocument(new Term(DossierFields.ID, d.id()), facets.build(document(d)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(String dossierId) {
    try {
      writer.deleteDocuments(new Term(DossierFields.ID, dossierId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void commit(Map<String, String> data) {
    try {
      writer.setLiveCommitData(Map.copyOf(data).entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, String> committedData() {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return Map.copyOf(data);
  }

  @Override
  public long count() {
    IndexSearcher s = acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      release(s);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      writer.close();
    }
  }

  // --- documents ---------------------------------------------------------------------------

  private Document document(SearchableDossier d) {
    Document doc = new Document();
    doc.add(new StringField(DossierFields.ID, d.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(DossierFields.ID, new BytesRef(d.id())));
    if (d.reference() != null) {
      doc.add(new StringField(DossierFields.REFERENCE, d.reference(), Field.Store.YES));
    }
    keyword(doc, DossierFields.TENANT, d.tenant(), true);
    keyword(doc, DossierFields.PROVINCE, d.province(), false);
    keyword(doc, DossierFields.REGION, d.region(), false);
    keyword(doc, DossierFields.PROCEDURE, d.procedure(), true);
    keyword(doc, DossierFields.STATE, d.state(), true);
    keyword(doc, DossierFields.PHASE, d.phase().name(), true);
    for (String account : d.accounts()) {
      doc.add(new StringField(DossierFields.ACCOUNT, account, Field.Store.NO));
    }
    identifiers(d)
        .forEach(i -> doc.add(new StringField(DossierFields.IDENTIFIER, i, Field.Store.NO)));
    if (d.depositedAt() != null) {
      long millis = d.depositedAt().toEpochMilli();
      doc.add(new LongPoint(DossierFields.DEPOSITED, millis));
      doc.add(new NumericDocValuesField(DossierFields.DEPOSITED, millis));
    }
    if (d.dueDate() != null) {
      long day = d.dueDate().toEpochDay();
      doc.add(new LongPoint(DossierFields.DUE, day));
      doc.add(new NumericDocValuesField(DossierFields.DUE, day));
      doc.add(new StoredField(DossierFields.DUE, day));
    }
    List<String> people = new ArrayList<>(d.applicantNames());
    people.addAll(d.architectNames());
    Set<String> nameKeys = new java.util.LinkedHashSet<>();
    for (String name : people) {
      doc.add(new Field(DossierFields.NAMES, name, NAME_TYPE));
      nameKeys.addAll(DossierAnalyzers.terms(keys, name));
    }
    // Each key once, as a keyword: a name written in both scripts does not count twice.
    for (String key : nameKeys) {
      doc.add(new StringField(DossierFields.NAME_KEYS, key, Field.Store.NO));
    }
    if (!d.applicantNames().isEmpty()) {
      doc.add(new StoredField(DossierFields.APPLICANT, d.applicantNames().get(0)));
    }
    for (String place : d.commune()) {
      doc.add(new TextField(DossierFields.PLACE, place, Field.Store.NO));
    }
    if (!d.commune().isEmpty()) {
      doc.add(new StoredField(DossierFields.COMMUNE, d.commune().get(0)));
    }
    if (!d.address().isBlank()) {
      doc.add(new Field(DossierFields.ADDRESS, d.address(), SNIPPET_TYPE));
    }
    String body = String.join("\n", d.formText(), String.join("\n", d.avisSummaries())).strip();
    if (!body.isEmpty()) {
      doc.add(new Field(DossierFields.TEXT, body, SNIPPET_TYPE));
    }
    return doc;
  }

  private static void keyword(Document doc, String field, String value, boolean stored) {
    doc.add(new StringField(field, value, stored ? Field.Store.YES : Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(field, value));
  }

  private static Set<String> identifiers(SearchableDossier d) {
    Set<String> ids = new java.util.LinkedHashSet<>();
    d.cins().forEach(c -> Identifiers.cin(c).ifPresent(ids::add));
    d.ices().forEach(c -> Identifiers.ice(c).ifPresent(ids::add));
    d.rcs().forEach(c -> Identifiers.rc(c).ifPresent(ids::add));
    d.titresFonciers().forEach(c -> Identifiers.titreFoncier(c).ifPresent(ids::add));
    return ids;
  }

  // --- search ------------------------------------------------------------------------------

  @Override
  public SearchPage search(SearchRequest request) {
    Query matching = query(request);
    Sort sort = sort(request.sort());
    SearchCursor cursor =
        request.cursor() == null ? null : SearchCursor.decode(request.cursor(), request.sort());
    FacetedSearcher searcher = (FacetedSearcher) acquire();
    try {
      FieldDoc after =
          cursor == null ? null : after(cursor, searcher.getIndexReader().maxDoc() - 1);
      FacetsCollectorManager.FacetsResult result =
          FacetsCollectorManager.searchAfter(
              searcher, after, matching, request.size(), sort, true, new FacetsCollectorManager());
      TopDocs top = result.topDocs();
      long total = 0;
      for (FacetsCollector.MatchingDocs m : result.facetsCollector().getMatchingDocs()) {
        total += m.totalHits;
      }
      Map<String, Map<String, Long>> counts = facetCounts(searcher, result.facetsCollector());
      for (String dim : FACETS) {
        if (!filtered(request, dim).isEmpty()) {
          FacetsCollector sideways =
              searcher.search(query(request, dim), new FacetsCollectorManager());
          counts.put(dim, facetCounts(searcher, sideways).get(dim));
        }
      }
      counts.put(
          OVERDUE_FACET,
          overdueCount(
              searcher,
              request.overdue() == null ? matching : query(request, OVERDUE_FACET),
              request.today()));
      List<SearchHit> hits = hits(searcher, top, matching, request);
      Optional<String> next = Optional.empty();
      if (top.scoreDocs.length == request.size() && more(top, total, after)) {
        FieldDoc last = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
        next = Optional.of(cursorOf(request.sort(), last).encode());
      }
      return new SearchPage(total, hits, next, counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  /** Whether more hits may follow this page (a full page is followed by a cursor). */
  private static boolean more(TopDocs top, long total, FieldDoc after) {
    return after != null || total > top.scoreDocs.length;
  }

  /** The whole query: the scope and the filters as filter clauses, the text as the scored part. */
  Query query(SearchRequest r) {
    return query(r, null);
  }

  /**
   * The query without the filter of one facet dimension ({@code without}), for that dimension's
   * counts: selecting a procedure still shows how many dossiers the other procedures have. The
   * scope and the drafts rule are never left out.
   */
  private Query query(SearchRequest r, String without) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(scope(r.scope()), Occur.FILTER);
    if (!r.scope().seesDrafts()) {
      b.add(new TermQuery(new Term(DossierFields.PHASE, Phase.DRAFT.name())), Occur.MUST_NOT);
    }
    for (String dim : FACETS) {
      if (!dim.equals(without)) {
        anyOf(b, dim, filtered(r, dim));
      }
    }
    if (r.depositedFrom() != null || r.depositedTo() != null) {
      long from =
          r.depositedFrom() == null
              ? Long.MIN_VALUE
              : r.depositedFrom().atStartOfDay(zone).toInstant().toEpochMilli();
      long to =
          r.depositedTo() == null
              ? Long.MAX_VALUE
              : r.depositedTo().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(DossierFields.DEPOSITED, from, to), Occur.FILTER);
    }
    if (r.dueFrom() != null || r.dueTo() != null) {
      long from = r.dueFrom() == null ? Long.MIN_VALUE : r.dueFrom().toEpochDay();
      long to = r.dueTo() == null ? Long.MAX_VALUE : r.dueTo().toEpochDay();
      b.add(LongPoint.newRangeQuery(DossierFields.DUE, from, to), Occur.FILTER);
    }
    if (r.overdue() != null && !OVERDUE_FACET.equals(without)) {
      b.add(overdue(r.today()), r.overdue() ? Occur.FILTER : Occur.MUST_NOT);
    }
    String q = r.q().strip();
    b.add(q.isEmpty() ? new MatchAllDocsQuery() : text(q), Occur.MUST);
    return b.build();
  }

  /** The values a request filters a facet dimension on (empty: not filtered). */
  private static Set<String> filtered(SearchRequest r, String dim) {
    switch (dim) {
      case DossierFields.PROCEDURE:
        return r.procedures();
      case DossierFields.STATE:
        return r.states();
      case DossierFields.PHASE:
        return r.phases().stream().map(Phase::name).collect(Collectors.toSet());
      case DossierFields.TENANT:
        return r.tenants();
      case DossierFields.PROVINCE:
        return r.provinces();
      case DossierFields.REGION:
        return r.regions();
      default:
        throw new IllegalArgumentException(dim);
    }
  }

  private static Query scope(SearchScope scope) {
    if (scope instanceof SearchScope.Tenants t) {
      return t.tenants().isEmpty()
          ? new MatchNoDocsQuery("no tenant in scope")
          : new TermInSetQuery(DossierFields.TENANT, bytes(t.tenants()));
    } else if (scope instanceof SearchScope.Province p) {
      return new TermQuery(new Term(DossierFields.PROVINCE, p.code()));
    } else if (scope instanceof SearchScope.Region g) {
      return new TermQuery(new Term(DossierFields.REGION, g.code()));
    } else if (scope instanceof SearchScope.OwnDossiers o) {
      return new TermQuery(new Term(DossierFields.ACCOUNT, o.account()));
    } else if (scope instanceof SearchScope.National) {
      return new MatchAllDocsQuery();
    }
    throw new IllegalArgumentException("unknown scope " + scope);
  }

  private static Query overdue(LocalDate today) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(DossierFields.PHASE, Phase.OPEN.name())), Occur.FILTER)
        .add(
            LongPoint.newRangeQuery(DossierFields.DUE, Long.MIN_VALUE, today.toEpochDay() - 1),
            Occur.FILTER)
        .build();
  }

  private static void anyOf(BooleanQuery.Builder b, String field, Set<String> values) {
    if (!values.isEmpty()) {
      b.add(new TermInSetQuery(field, bytes(values)), Occur.FILTER);
    }
  }

  private static List<BytesRef> bytes(Collection<String> values) {
    return values.stream().map(BytesRef::new).collect(Collectors.toList());
  }

  /**
   * The scored part: identifiers and references exactly, names as written and by phonetic key (with
   * one edit of typo tolerance, weighted well below an exact key), then words of the address, the
   * commune and the text.
   */
  Query text(String q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    StringBuilder words = new StringBuilder();
    for (String token : q.split("\\s+")) {
      if (REFERENCE.matcher(token).matches()) {
        // A reference is looked up as such, not as words (its digits are in tenant codes too).
        b.add(boost(new TermQuery(new Term(DossierFields.REFERENCE, token)), 20), Occur.SHOULD);
      } else {
        words.append(token).append(' ');
      }
    }
    q = words.toString().strip();
    for (String id : Identifiers.inQuery(q)) {
      b.add(boost(new TermQuery(new Term(DossierFields.IDENTIFIER, id)), 20), Occur.SHOULD);
    }
    terms(b, names, DossierFields.NAMES, q, NAME_AS_WRITTEN);
    for (List<String> name : DossierAnalyzers.termsByPosition(keys, q)) {
      b.add(nameKeyQuery(name), Occur.SHOULD);
    }
    terms(b, names, DossierFields.PLACE, q, 1f);
    terms(b, address, DossierFields.ADDRESS, q, 1f);
    terms(b, text, DossierFields.TEXT, q, 0.5f);
    BooleanQuery built = b.build();
    return built.clauses().isEmpty() ? new MatchNoDocsQuery("no searchable word") : built;
  }

  /**
   * Weight of a name spelled exactly as written: a hint, well below the key that spellings share.
   */
  static final float NAME_AS_WRITTEN = 0.3f;

  static final float NAME_KEY = 2f;
  static final float NAME_STRICT_KEY = 0.6f;
  static final float NAME_FUZZY_KEY = 0.4f;

  /**
   * One name of the query: the best of its keys (its own, without a glued particle), then the best
   * of its strict keys on top (Mohamed over Mahmoud), or one edit away on the loose key (a typo),
   * well below: a near miss (Mehdi for Mohamed) never outranks the name itself.
   */
  private static Query nameKeyQuery(List<String> keysOfOneName) {
    List<Query> loose = new ArrayList<>();
    List<Query> strict = new ArrayList<>();
    for (String key : keysOfOneName) {
      Term t = new Term(DossierFields.NAME_KEYS, key);
      if (key.startsWith(NameKeys.STRICT)) {
        strict.add(new TermQuery(t));
      } else {
        loose.add(boost(new TermQuery(t), NAME_KEY));
        if (key.length() >= 4) {
          loose.add(boost(new FuzzyQuery(t, 1, 1), NAME_FUZZY_KEY));
        }
      }
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (!loose.isEmpty()) {
      b.add(new DisjunctionMaxQuery(loose, 0f), Occur.SHOULD);
    }
    if (!strict.isEmpty()) {
      b.add(boost(new DisjunctionMaxQuery(strict, 0f), NAME_STRICT_KEY), Occur.SHOULD);
    }
    return b.build();
  }

  private static void terms(
      BooleanQuery.Builder b, Analyzer analyzer, String field, String q, float boost) {
    for (String t : new java.util.LinkedHashSet<>(DossierAnalyzers.terms(analyzer, q))) {
      b.add(boost(new TermQuery(new Term(field, t)), boost), Occur.SHOULD);
    }
  }

  private static Query boost(Query q, float boost) {
    return new BoostQuery(q, boost);
  }

  private static Sort sort(SearchSort sort) {
    SortField id = new SortField(DossierFields.ID, SortField.Type.STRING);
    switch (sort) {
      case DEPOSITED:
        SortField deposited = new SortField(DossierFields.DEPOSITED, SortField.Type.LONG, true);
        deposited.setMissingValue(Long.MIN_VALUE);
        return new Sort(deposited, id);
      case DUE:
        SortField due = new SortField(DossierFields.DUE, SortField.Type.LONG);
        due.setMissingValue(Long.MAX_VALUE);
        return new Sort(due, id);
      default:
        return new Sort(SortField.FIELD_SCORE, id);
    }
  }

  /**
   * The cursor as Lucene's "after" hit. Its doc id is the reader's last: the id sort field never
   * ties, and if it did (the same dossier), the hit would count as already seen.
   */
  private static FieldDoc after(SearchCursor c, int lastDoc) {
    Object first =
        c.sort() == SearchSort.RELEVANCE
            ? (Object) Float.valueOf(c.value())
            : Long.valueOf(c.value());
    float score = c.sort() == SearchSort.RELEVANCE ? Float.parseFloat(c.value()) : Float.NaN;
    return new FieldDoc(Math.max(lastDoc, 0), score, new Object[] {first, new BytesRef(c.id())});
  }

  private static SearchCursor cursorOf(SearchSort sort, FieldDoc last) {
    String id = ((BytesRef) last.fields[1]).utf8ToString();
    return new SearchCursor(sort, String.valueOf(last.fields[0]), id);
  }

  private Map<String, Map<String, Long>> facetCounts(FacetedSearcher s, FacetsCollector fc)
      throws IOException {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    if (s.state == null) {
      FACETS.forEach(f -> out.put(f, Map.of()));
      return out;
    }
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(s.state, fc);
    for (String dim : FACETS) {
      Map<String, Long> values = new LinkedHashMap<>();
      FacetResult r = s.dims.contains(dim) ? counts.getTopChildren(1000, dim) : null;
      if (r != null) {
        for (LabelAndValue lv : r.labelValues) {
          values.put(lv.label, lv.value.longValue());
        }
      }
      out.put(dim, values);
    }
    return out;
  }

  private static Map<String, Long> overdueCount(IndexSearcher s, Query matching, LocalDate today)
      throws IOException {
    Query q =
        new BooleanQuery.Builder()
            .add(matching, Occur.FILTER)
            .add(overdue(today), Occur.FILTER)
            .build();
    return Map.of("true", (long) s.count(q));
  }

  private List<SearchHit> hits(IndexSearcher s, TopDocs top, Query matching, SearchRequest r)
      throws IOException {
    Map<String, String[]> snippets = Map.of();
    String[] fields = {DossierFields.NAMES, DossierFields.ADDRESS, DossierFields.TEXT};
    if (!r.q().isBlank() && top.scoreDocs.length > 0) {
      UnifiedHighlighter highlighter = UnifiedHighlighter.builder(s, analyzer).build();
      int[] passages = new int[fields.length];
      java.util.Arrays.fill(passages, SNIPPET_FIELDS_MAX);
      snippets = highlighter.highlightFields(fields, highlighted(r.q()), top, passages);
    }
    List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc sd = top.scoreDocs[i];
      Document d = s.storedFields().document(sd.doc);
      Map<String, String> hl = new LinkedHashMap<>();
      for (String f : fields) {
        String[] values = snippets.get(f);
        if (values != null && values[i] != null && values[i].contains("<b>")) {
          hl.put(f, values[i]);
        }
      }
      Number due =
          d.getField(DossierFields.DUE) == null
              ? null
              : d.getField(DossierFields.DUE).numericValue();
      hits.add(
          new SearchHit(
              d.get(DossierFields.ID),
              d.get(DossierFields.REFERENCE),
              d.get(DossierFields.APPLICANT),
              d.get(DossierFields.PROCEDURE),
              d.get(DossierFields.STATE),
              d.get(DossierFields.PHASE),
              due == null ? null : LocalDate.ofEpochDay(due.longValue()),
              d.get(DossierFields.TENANT),
              d.get(DossierFields.COMMUNE),
              Float.isNaN(sd.score) ? 0f : sd.score,
              hl));
    }
    return hits;
  }

  /**
   * What snippets mark: the words of the text in the shown fields only. Highlighting with the whole
   * query (filters, fuzzy keys) cost a hundred times more and marks nothing more in those fields.
   */
  private Query highlighted(String q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    terms(b, names, DossierFields.NAMES, q, 1f);
    terms(b, address, DossierFields.ADDRESS, q, 1f);
    terms(b, text, DossierFields.TEXT, q, 1f);
    return b.build();
  }

  private IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void release(IndexSearcher s) {
    try {
      searchers.release(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A searcher with the facet ordinals of its reader, built once per reopen, not per query. */
  private static final class FacetedSearcher extends IndexSearcher {
    final SortedSetDocValuesReaderState state;
    final Set<String> dims;

    FacetedSearcher(IndexReader reader, FacetsConfig config) throws IOException {
      super(reader);
      SortedSetDocValuesReaderState s = null;
      if (reader.numDocs() > 0) {
        s = new DefaultSortedSetDocValuesReaderState(reader, config);
      }
      state = s;
      dims = s == null ? Set.of() : Set.copyOf(s.getPrefixToOrdRange().keySet());
    }
  }

  private static final class FacetedSearcherFactory extends SearcherFactory {
    private final FacetsConfig config;

    FacetedSearcherFactory(FacetsConfig config) {
      this.config = config;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
      return new FacetedSearcher(reader, config);
    }
  }
}
