package ma.rokhsa.infrastructure.search.node;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import ma.rokhsa.domain.model.dossier.Phase;
import ma.rokhsa.infrastructure.search.SearchableDossier;
import ma.rokhsa.infrastructure.search.SearchableDossiers;

/**
 * Reads dossiers' searchable facts straight from the database, in plain JDBC: the applier and the
 * rebuild read every tenant's dossiers (ADR 0002 lists the search index among the cross-tenant
 * reads), which EclipseLink's tenant filter would refuse, and no entity state is wanted.
 *
 * <p>Form values are mapped by the field-naming conventions the procedures share: {@code nom_*} are
 * people's names ({@code nom_architecte} the architect's), {@code cin} a CIN or an RC number,
 * {@code ice}, {@code rc}, {@code titre_foncier*} identifiers, {@code adresse*} the address; every
 * other value is text.
 */
public final class JdbcSearchableDossiers implements SearchableDossiers {

  /** Dossiers read per query by {@link #forEach}. */
  static final int PAGE = 500;

  /** A stand-in for a territory a tenant does not lie in (a service has no province). */
  static final String NONE = "-";

  private static final Pattern PROVINCE = Pattern.compile("\\d{2}\\.\\d{3}");
  private static final Pattern REGION = Pattern.compile("\\d{2}");
  private static final Pattern RC = Pattern.compile("(?i)\\s*rc\\s*[0-9].*");

  private static final String COLUMNS =
      "select d.id, d.tenant_id, d.procedure_id, d.state, d.phase, d.reference, d.submitted_at,"
          + " d.due_date, d.applicant_name, d.owner, d.deposited_by, d.form_values, t.path,"
          + " t.name_fr, t.name_ar from dossier d join tenant t on t.id = d.tenant_id";

  private final DataSource database;

  public JdbcSearchableDossiers(DataSource database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public Optional<SearchableDossier> find(String dossierId) {
    try (Connection c = database.getConnection()) {
      List<Row> rows;
      try (PreparedStatement q = c.prepareStatement(COLUMNS + " where d.id = ?")) {
        q.setString(1, dossierId);
        rows = rows(q);
      }
      if (rows.isEmpty()) {
        return Optional.empty();
      }
      Map<String, List<String>> avis = avis(c, List.of(dossierId));
      return Optional.of(rows.get(0).toSearchable(avis.getOrDefault(dossierId, List.of())));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read dossier " + dossierId + " for search", e);
    }
  }

  /** How many dossiers the database holds (drafts included: their owners find them). */
  public long count() {
    try (Connection c = database.getConnection();
        PreparedStatement q = c.prepareStatement("select count(*) from dossier")) {
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count dossiers", e);
    }
  }

  /**
   * Every dossier, in id order, a page at a time (each page its own short read, so that a rebuild
   * holds no connection or snapshot for its whole length).
   *
   * @param each called for every dossier; returning normally continues
   * @param stop checked between pages: true ends the walk early
   */
  public void forEach(Consumer<SearchableDossier> each, java.util.function.BooleanSupplier stop) {
    String after = "";
    while (!stop.getAsBoolean()) {
      List<Row> page;
      Map<String, List<String>> avis;
      try (Connection c = database.getConnection()) {
        try (PreparedStatement q =
            c.prepareStatement(
                COLUMNS + " where d.id > ? order by d.id fetch first " + PAGE + " rows only")) {
          q.setString(1, after);
          page = rows(q);
        }
        avis = page.isEmpty() ? Map.of() : avis(c, page.stream().map(Row::id).toList());
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read dossiers for search", e);
      }
      if (page.isEmpty()) {
        return;
      }
      for (Row row : page) {
        each.accept(row.toSearchable(avis.getOrDefault(row.id(), List.of())));
      }
      after = page.get(page.size() - 1).id();
    }
  }

  private static List<Row> rows(PreparedStatement q) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        Timestamp submitted = rs.getTimestamp(7);
        java.sql.Date due = rs.getDate(8);
        rows.add(
            new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Phase.valueOf(rs.getString(5)),
                rs.getString(6),
                submitted == null ? null : submitted.toInstant(),
                due == null ? null : due.toLocalDate(),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15)));
      }
    }
    return rows;
  }

  /** The avis given on these dossiers, as text: the body, the verdict, the motivation. */
  private static Map<String, List<String>> avis(Connection c, Collection<String> ids)
      throws SQLException {
    String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
    Map<String, List<String>> out = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "select dossier_id, body_id, verdict, motivation from dossier_avis"
                + " where verdict is not null and dossier_id in ("
                + marks
                + ") order by id")) {
      int i = 1;
      for (String id : ids) {
        q.setString(i++, id);
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String summary =
              String.join(
                      " ",
                      rs.getString(2),
                      rs.getString(3),
                      Objects.requireNonNullElse(rs.getString(4), ""))
                  .strip();
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(summary);
        }
      }
    }
    return out;
  }

  private record Row(
      String id,
      String tenant,
      String procedure,
      String state,
      Phase phase,
      String reference,
      Instant submittedAt,
      LocalDate dueDate,
      String applicantName,
      String owner,
      String depositedBy,
      String formJson,
      String path,
      String nameFr,
      String nameAr) {

    SearchableDossier toSearchable(List<String> avis) {
      Form form = Form.of(formJson);
      List<String> applicants = new ArrayList<>();
      applicants.add(applicantName);
      form.applicants.stream().filter(n -> !n.equals(applicantName)).forEach(applicants::add);
      Set<String> accounts = new LinkedHashSet<>(List.of(owner, depositedBy));
      return new SearchableDossier(
          id,
          reference,
          tenant,
          territory(path, PROVINCE),
          territory(path, REGION),
          List.of(nameFr, nameAr),
          procedure,
          state == null ? phase.name() : state,
          phase,
          submittedAt,
          dueDate,
          applicants,
          form.architects,
          form.cins,
          form.ices,
          form.rcs,
          form.titres,
          String.join(" ; ", form.addresses),
          String.join("\n", form.text),
          avis,
          accounts);
    }
  }

  /** The tenant's province or region: the segment of its path that has that shape. */
  static String territory(String path, Pattern shape) {
    for (String segment : path.split("/")) {
      if (shape.matcher(segment).matches()) {
        return segment;
      }
    }
    return NONE;
  }

  /** JSON-B, made on first use (the server provides it). */
  private static final class Json {
    static final Jsonb BINDING = JsonbBuilder.create();
  }

  /** The form's values sorted by what the index makes of them. */
  static final class Form {
    final List<String> applicants = new ArrayList<>();
    final List<String> architects = new ArrayList<>();
    final List<String> cins = new ArrayList<>();
    final List<String> ices = new ArrayList<>();
    final List<String> rcs = new ArrayList<>();
    final List<String> titres = new ArrayList<>();
    final List<String> addresses = new ArrayList<>();
    final List<String> text = new ArrayList<>();

    static Form of(String json) {
      if (json == null || json.isBlank()) {
        return new Form();
      }
      try {
        return of(Json.BINDING.fromJson(json, LinkedHashMap.class));
      } catch (JsonbException unreadable) {
        // an unreadable form is indexed without its values; the dossier is still found
        return new Form();
      }
    }

    /** The form's values as the column holds them, parsed. */
    static Form of(Map<?, ?> values) {
      Form form = new Form();
      form.walk("", values);
      return form;
    }

    @SuppressWarnings("unchecked")
    private void walk(String field, Object value) {
      if (value == null) {
        return;
      }
      if (value instanceof Map<?, ?> map) {
        map.forEach((k, v) -> walk(String.valueOf(k), v));
        return;
      }
      if (value instanceof Collection<?> list) {
        list.forEach(v -> walk(field, v));
        return;
      }
      if (value instanceof Boolean || value instanceof Number) {
        return;
      }
      String text = value.toString().strip();
      if (text.isEmpty()) {
        return;
      }
      String f = field.toLowerCase(Locale.ROOT);
      if (f.startsWith("nom_architecte") || f.equals("architecte")) {
        architects.add(text);
      } else if (f.startsWith("nom_") || f.equals("nom")) {
        applicants.add(text);
      } else if (f.equals("cin") || f.startsWith("cin_")) {
        (RC.matcher(text).matches() ? rcs : cins).add(text);
      } else if (f.equals("ice") || f.startsWith("ice_")) {
        ices.add(text);
      } else if (f.equals("rc") || f.startsWith("rc_")) {
        rcs.add(text);
      } else if (f.startsWith("titre_foncier")) {
        titres.add(text);
      } else if (f.startsWith("adresse")) {
        addresses.add(text);
      } else {
        this.text.add(text);
      }
    }
  }
}
