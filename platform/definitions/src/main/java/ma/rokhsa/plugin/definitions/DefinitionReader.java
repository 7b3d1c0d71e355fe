package ma.rokhsa.plugin.definitions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import ma.rokhsa.plugin.api.LocalizedText;
import ma.rokhsa.plugin.api.procedure.ActingRole;
import ma.rokhsa.plugin.api.procedure.AuthorizationTemplate;
import ma.rokhsa.plugin.api.procedure.Condition;
import ma.rokhsa.plugin.api.procedure.DocumentRequirement;
import ma.rokhsa.plugin.api.procedure.FeeSchedule;
import ma.rokhsa.plugin.api.procedure.Field;
import ma.rokhsa.plugin.api.procedure.FieldType;
import ma.rokhsa.plugin.api.procedure.FormDefinition;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import ma.rokhsa.plugin.api.procedure.Section;
import ma.rokhsa.plugin.api.procedure.Workflow;
import ma.rokhsa.plugin.definitions.YamlTree.Mapping;
import ma.rokhsa.plugin.definitions.YamlTree.ScalarValue;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Turns the tree of one {@code procedure.yaml} into a {@link ProcedureDefinition}, checking each
 * value where it is written and every cross-reference once the whole file is read. One reader per
 * load: it remembers the form's fields and the workflow's states while it reads.
 *
 * <p>The format is described in {@code platform/definitions/procedure-format.md}; a change here
 * changes that page.
 */
final class DefinitionReader {

  private static final Pattern KEBAB_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern FORM_ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern TENANT_KIND = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(KB|MB)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern PLACEHOLDER_NAME =
      Pattern.compile("\\s*([#/]?)([a-z0-9_]+)(\\.label)?\\s*");

  /** The template values the platform supplies itself; no form field may take these ids. */
  private static final List<String> PLATFORM_VALUES =
      List.of("reference", "applicant", "commune", "date");

  private static final List<String> PROCEDURE_KEYS =
      List.of(
          "id",
          "version",
          "name",
          "tenant-kinds",
          "form",
          "documents",
          "workflow",
          "fees",
          "template");
  private static final List<String> TEXT_KEYS = List.of("fr", "ar");
  private static final List<String> FORM_KEYS = List.of("sections");
  private static final List<String> SECTION_KEYS =
      List.of("id", "label", "repeatable", "when", "fields");
  private static final List<String> REPEATABLE_KEYS = List.of("min", "max");
  private static final List<String> FIELD_KEYS =
      List.of("id", "label", "type", "required", "min", "max", "pattern", "choices", "when");
  private static final List<String> CHOICE_KEYS = List.of("value", "label");
  private static final List<String> CONDITION_KEYS = List.of("field", "equals");
  private static final List<String> DOCUMENT_KEYS =
      List.of("id", "label", "required", "media-types", "max-size", "max-count", "when");
  private static final List<String> WORKFLOW_KEYS =
      List.of("initial", "states", "transitions", "consulted-bodies");
  private static final List<String> STATE_KEYS =
      List.of("id", "label", "terminal", "deadline-working-days", "silence-means-acceptance");
  private static final List<String> TRANSITION_KEYS = List.of("action", "from", "to", "by");
  private static final List<String> BODY_KEYS = List.of("id", "label", "binding", "when");
  private static final List<String> FEE_KEYS =
      List.of(
          "label", "fixed", "per-unit-of", "per-day-between", "per-item-of", "per-unit", "when");
  private static final List<String> FEE_COUNTS =
      List.of("per-unit-of", "per-day-between", "per-item-of");

  private static final Pattern STATE_PROBLEM = Pattern.compile("state (\\S+) .*");

  private final YamlTree yaml;

  /** Every id of the form (sections and fields), where it was first written. */
  private final Map<String, Node> formIds = new HashMap<>();

  /** Every section of the form by id: whether it is repeatable. */
  private final Map<String, Boolean> sections = new HashMap<>();

  /** Every field of the form by id, even those that could not be read whole. */
  private final Map<String, DeclaredField> fields = new LinkedHashMap<>();

  /** Uses of a field's id, checked once the whole form is known. */
  private final List<Reference> references = new ArrayList<>();

  DefinitionReader(YamlTree yaml) {
    this.yaml = yaml;
  }

  /** The definition; empty if anything is wrong, every problem then having been reported. */
  Optional<ProcedureDefinition> read(Node root) {
    Optional<Mapping> found = yaml.mapping(root, "a procedure definition", PROCEDURE_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mapping procedure = found.get();
    Optional<String> id = id(procedure, "id", KEBAB_ID, "kebab-case (permis-de-construire)");
    Optional<String> version = id(procedure, "version", VERSION, "MAJOR.MINOR.PATCH (1.0.0)");
    Optional<LocalizedText> name = procedure.require("name").flatMap(n -> text(n, "'name'"));
    Optional<Set<String>> tenantKinds =
        procedure.require("tenant-kinds").flatMap(this::tenantKinds);
    Optional<FormDefinition> form = procedure.require("form").flatMap(this::form);
    List<DocumentRequirement> documents =
        procedure.get("documents").map(this::documents).orElse(List.of());
    Optional<Workflow> workflow = procedure.require("workflow").flatMap(this::workflow);
    FeeSchedule fees = procedure.get("fees").map(this::fees).orElse(FeeSchedule.free());
    Optional<AuthorizationTemplate> template =
        procedure.require("template").flatMap(this::template);
    references.forEach(this::check);

    if (yaml.problemCount() > 0) {
      return Optional.empty();
    }
    return build(
        procedure.node(),
        () ->
            new ProcedureDefinition(
                id.orElseThrow(),
                version.orElseThrow(),
                name.orElseThrow(),
                tenantKinds.orElseThrow(),
                form.orElseThrow(),
                documents,
                workflow.orElseThrow(),
                fees,
                template.orElseThrow()));
  }

  // ---------------------------------------------------------------- values used everywhere

  /**
   * A required id that must match {@code rule}. A wrong one is reported but still returned, so that
   * what refers to it is not reported as well.
   */
  private Optional<String> id(Mapping mapping, String key, Pattern pattern, String rule) {
    return mapping
        .requireString(key)
        .map(
            value -> {
              if (!pattern.matcher(value).matches()) {
                yaml.problem(
                    mapping.get(key).orElseThrow(),
                    "'" + key + "' must be " + rule + ", not '" + value + "'");
              }
              return value;
            });
  }

  /** A text in both languages: {@code {fr: …, ar: …}}. */
  private Optional<LocalizedText> text(Node node, String what) {
    return bilingual(node, what)
        .flatMap(
            text -> {
              Optional<String> fr = text.string("fr");
              Optional<String> ar = text.string("ar");
              if (fr.isEmpty() || ar.isEmpty()) {
                return Optional.empty();
              }
              return build(node, () -> new LocalizedText(fr.get(), ar.get()));
            });
  }

  /** A mapping with a French ({@code fr}) and an Arabic ({@code ar}) text, both given. */
  private Optional<Mapping> bilingual(Node node, String what) {
    if (!(node instanceof MappingNode)) {
      yaml.problem(node, what + " must be a text in both languages: {fr: …, ar: …}");
      return Optional.empty();
    }
    Optional<Mapping> found = yaml.mapping(node, what, TEXT_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    List<String> missing =
        TEXT_KEYS.stream().filter(language -> !found.get().has(language)).toList();
    if (!missing.isEmpty()) {
      yaml.problem(
          node,
          what
              + " needs a text in both languages, French (fr) and Arabic (ar): "
              + missing.stream().map(l -> "'" + l + "'").collect(Collectors.joining(" and "))
              + " missing");
      return Optional.empty();
    }
    return found;
  }

  private Optional<LocalizedText> label(Mapping mapping) {
    return mapping.require("label").flatMap(n -> text(n, "'label'"));
  }

  private <E extends Enum<E>> Optional<E> enumValue(Mapping mapping, String key, Class<E> type) {
    return mapping
        .requireString(key)
        .flatMap(
            text -> {
              for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                  return Optional.of(constant);
                }
              }
              yaml.problem(
                  mapping.get(key).orElseThrow(),
                  "'"
                      + key
                      + "' must be one of "
                      + Arrays.stream(type.getEnumConstants())
                          .map(Enum::name)
                          .collect(Collectors.joining(", "))
                      + ", not '"
                      + text
                      + "'");
              return Optional.empty();
            });
  }

  /**
   * The record made by {@code constructor}; the rules a record checks itself become problems at the
   * node it was read from.
   */
  private <T> Optional<T> build(Node node, Supplier<T> constructor) {
    return build(yaml.problemCount(), node, constructor);
  }

  /**
   * As {@link #build(Node, Supplier)}, but only if no problem was found since {@code mark}: a
   * record would otherwise report again, less precisely, what has been reported already.
   */
  private <T> Optional<T> build(int mark, Node node, Supplier<T> constructor) {
    if (yaml.problemCount() > mark) {
      return Optional.empty();
    }
    try {
      return Optional.of(constructor.get());
    } catch (IllegalArgumentException e) {
      yaml.problem(node, e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<Set<String>> tenantKinds(Node node) {
    Optional<List<Node>> items = yaml.list(node, "'tenant-kinds'");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (items.get().isEmpty()) {
      yaml.problem(node, "'tenant-kinds' needs at least one kind of tenant (URBAN_COMMUNE…)");
      return Optional.empty();
    }
    Set<String> kinds = new LinkedHashSet<>();
    for (ScalarValue kind : yaml.scalars(items.get(), "'tenant-kinds'")) {
      if (!TENANT_KIND.matcher(kind.text()).matches()) {
        yaml.problem(
            kind.node(),
            "a tenant kind is written in capitals (URBAN_COMMUNE), not '" + kind.text() + "'");
      } else if (!kinds.add(kind.text())) {
        yaml.problem(kind.node(), "tenant kind " + kind.text() + " is given twice");
      }
    }
    return Optional.of(kinds);
  }

  // ---------------------------------------------------------------- form

  private Optional<FormDefinition> form(Node node) {
    Optional<List<Node>> items =
        yaml.mapping(node, "'form'", FORM_KEYS)
            .flatMap(form -> form.require("sections"))
            .flatMap(sections -> yaml.list(sections, "'sections'"));
    if (items.isEmpty()) {
      return Optional.empty();
    }
    int mark = yaml.problemCount();
    List<Section> sections = new ArrayList<>();
    boolean whole = true;
    for (Node item : items.get()) {
      Optional<Section> section = section(item);
      section.ifPresent(sections::add);
      whole &= section.isPresent();
    }
    return whole ? build(mark, node, () -> new FormDefinition(sections)) : Optional.empty();
  }

  private Optional<Section> section(Node node) {
    Optional<Mapping> found = yaml.mapping(node, "a section", SECTION_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    int mark = yaml.problemCount();
    Mapping section = found.get();
    Optional<String> id = formId(section);
    Optional<LocalizedText> label = label(section);
    boolean repeatable = section.has("repeatable");
    Occurs occurs = repeatable ? occurs(section.get("repeatable").orElseThrow()) : new Occurs(1, 1);
    String scope = repeatable ? id.orElse("?") : null;
    id.ifPresent(i -> sections.putIfAbsent(i, repeatable));
    Optional<Condition> when = condition(section, null, id.orElse(null));
    Optional<List<Node>> items = section.require("fields").flatMap(n -> yaml.list(n, "'fields'"));
    List<Field> fields = new ArrayList<>();
    boolean whole = items.isPresent();
    if (items.isPresent() && items.get().isEmpty()) {
      yaml.problem(section.get("fields").orElseThrow(), "a section needs at least one field");
      whole = false;
    }
    for (Node item : items.orElse(List.of())) {
      Optional<Field> field = field(item, id.orElse("?"), scope);
      field.ifPresent(fields::add);
      whole &= field.isPresent();
    }
    if (id.isEmpty() || label.isEmpty() || !whole) {
      return Optional.empty();
    }
    return build(
        mark,
        node,
        () ->
            new Section(
                id.get(), label.get(), fields, repeatable, occurs.min(), occurs.max(), when));
  }

  /** {@code repeatable: {min, max}}: {@code min} defaults to 0, {@code max} is required. */
  private Occurs occurs(Node node) {
    Optional<Mapping> found = yaml.mapping(node, "'repeatable'", REPEATABLE_KEYS);
    if (found.isEmpty()) {
      return new Occurs(0, 1);
    }
    Mapping repeatable = found.get();
    int min = repeatable.integer("min", 0).orElse(0);
    Optional<Integer> max =
        repeatable.require("max").isPresent() ? repeatable.integer("max", 1) : Optional.empty();
    if (max.isPresent() && max.get() < min) {
      yaml.problem(
          repeatable.get("max").orElseThrow(),
          "'max' (" + max.get() + ") must be at least 'min' (" + min + ")");
      return new Occurs(min, Math.max(1, min));
    }
    return new Occurs(min, max.orElse(Math.max(1, min)));
  }

  /** How many times a section is filled in. */
  private record Occurs(int min, int max) {}

  /**
   * The id of a section or field: snake_case, since it is a key of the form's values and a
   * placeholder of the template; unique in the form, and none of the platform's own values.
   */
  private Optional<String> formId(Mapping mapping) {
    Optional<String> id = id(mapping, "id", FORM_ID, "snake_case (surface_terrain)");
    if (id.isPresent()) {
      Node node = mapping.get("id").orElseThrow();
      if (PLATFORM_VALUES.contains(id.get())) {
        yaml.problem(
            node,
            "'"
                + id.get()
                + "' is a value the platform gives the template itself ("
                + String.join(", ", PLATFORM_VALUES)
                + "): choose another id");
      }
      Node first = formIds.putIfAbsent(id.get(), node);
      if (first != null) {
        yaml.problem(
            node,
            "'"
                + id.get()
                + "' is already the id of a section or field (line "
                + YamlTree.line(first)
                + "); ids are unique in the form");
      }
    }
    return id;
  }

  private Optional<Field> field(Node node, String section, String scope) {
    Optional<Mapping> found = yaml.mapping(node, "a field", FIELD_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    int mark = yaml.problemCount();
    Mapping field = found.get();
    Optional<String> id = formId(field);
    Optional<LocalizedText> label = label(field);
    Optional<FieldType> type = enumValue(field, "type", FieldType.class);
    boolean required = field.bool("required", false);
    Optional<BigDecimal> min = bound(field, "min", type);
    Optional<BigDecimal> max = bound(field, "max", type);
    if (min.isPresent() && max.isPresent() && max.get().compareTo(min.get()) < 0) {
      yaml.problem(field.get("max").orElseThrow(), "'max' must be at least 'min'");
    }
    Optional<String> pattern = pattern(field, type);
    List<Field.Choice> choices = choices(field, type);
    Optional<Condition> when = condition(field, scope, id.orElse(null));
    id.ifPresent(
        i ->
            fields.putIfAbsent(
                i,
                new DeclaredField(
                    i,
                    section,
                    scope,
                    type.orElse(null),
                    choices.stream().map(Field.Choice::value).toList())));
    if (id.isEmpty() || label.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    return build(
        mark,
        node,
        () ->
            new Field(
                id.get(), label.get(), type.get(), required, min, max, pattern, choices, when));
  }

  /** {@code min} or {@code max}: a length for text, a value for numbers, nothing for the rest. */
  private Optional<BigDecimal> bound(Mapping field, String key, Optional<FieldType> type) {
    if (!field.has(key)) {
      return Optional.empty();
    }
    FieldType t = type.orElse(FieldType.DECIMAL);
    return switch (t) {
      case TEXT -> field.integer(key, 0).map(BigDecimal::valueOf);
      case INTEGER ->
          field
              .decimal(key)
              .filter(
                  value -> {
                    if (value.stripTrailingZeros().scale() > 0) {
                      yaml.problem(
                          field.get(key).orElseThrow(),
                          "'" + key + "' of an INTEGER field must be a whole number");
                      return false;
                    }
                    return true;
                  });
      case DECIMAL -> field.decimal(key);
      case DATE, BOOLEAN, CHOICE -> {
        yaml.problem(
            field.get(key).orElseThrow(),
            "'"
                + key
                + "' applies to TEXT (a length), INTEGER and DECIMAL fields, not to "
                + t
                + " ones");
        yield Optional.empty();
      }
    };
  }

  private Optional<String> pattern(Mapping field, Optional<FieldType> type) {
    Optional<String> pattern = field.string("pattern");
    if (pattern.isEmpty()) {
      return pattern;
    }
    Node node = field.get("pattern").orElseThrow();
    if (type.isPresent() && type.get() != FieldType.TEXT) {
      yaml.problem(node, "'pattern' applies to TEXT fields only");
      return Optional.empty();
    }
    try {
      Pattern.compile(pattern.get());
      return pattern;
    } catch (PatternSyntaxException e) {
      yaml.problem(
          node,
          "'pattern' is not a valid regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex());
      return Optional.empty();
    }
  }

  private List<Field.Choice> choices(Mapping field, Optional<FieldType> type) {
    boolean choice = type.isPresent() && type.get() == FieldType.CHOICE;
    if (!field.has("choices")) {
      return List.of(); // a CHOICE field without choices: the Field record says so
    }
    Node node = field.get("choices").orElseThrow();
    if (type.isPresent() && !choice) {
      yaml.problem(node, "'choices' applies to CHOICE fields only");
      return List.of();
    }
    List<Node> items = field.list("choices").orElse(List.of());
    if (items.isEmpty()) {
      yaml.problem(node, "'choices' needs at least one {value, label}");
      return List.of();
    }
    List<Field.Choice> choices = new ArrayList<>();
    Set<String> values = new LinkedHashSet<>();
    for (Node item : items) {
      Optional<Mapping> found = yaml.mapping(item, "a choice", CHOICE_KEYS);
      if (found.isEmpty()) {
        continue;
      }
      Optional<String> value = found.get().requireString("value");
      Optional<LocalizedText> label = label(found.get());
      if (value.isPresent() && !values.add(value.get())) {
        yaml.problem(
            found.get().get("value").orElseThrow(), "choice '" + value.get() + "' is given twice");
      } else if (value.isPresent() && label.isPresent()) {
        choices.add(new Field.Choice(value.get(), label.get()));
      }
    }
    return choices;
  }

  /**
   * The optional {@code when: {field, equals}} of a section, field, document or fee line. The field
   * it names is checked once the form is read.
   *
   * @param scope the repeatable section the condition is evaluated in, {@code null} for the
   *     dossier's top-level values
   * @param self the id of the section or field that carries the condition, which it may not look at
   */
  private Optional<Condition> condition(Mapping owner, String scope, String self) {
    Optional<Mapping> found =
        owner.get("when").flatMap(node -> yaml.mapping(node, "'when'", CONDITION_KEYS));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mapping when = found.get();
    Optional<String> field = when.requireString("field");
    Optional<String> equals = when.requireString("equals");
    if (field.isEmpty() || equals.isEmpty()) {
      return Optional.empty();
    }
    references.add(
        new Reference(
            Use.CONDITION,
            field.get(),
            YamlTree.line(when.get("field").orElseThrow()),
            scope,
            self,
            equals.get(),
            YamlTree.line(when.get("equals").orElseThrow())));
    return Optional.of(new Condition(field.get(), equals.get()));
  }

  // ---------------------------------------------------------------- documents

  private List<DocumentRequirement> documents(Node node) {
    List<DocumentRequirement> documents = new ArrayList<>();
    Map<String, Node> ids = new HashMap<>();
    for (Node item : yaml.list(node, "'documents'").orElse(List.of())) {
      Optional<Mapping> found = yaml.mapping(item, "a document", DOCUMENT_KEYS);
      if (found.isEmpty()) {
        continue;
      }
      int mark = yaml.problemCount();
      Mapping document = found.get();
      Optional<String> id = id(document, "id", KEBAB_ID, "kebab-case (plan-de-situation)");
      id.ifPresent(i -> unique(ids, i, document.get("id").orElseThrow(), "document"));
      Optional<LocalizedText> label = label(document);
      boolean required = document.bool("required", false);
      Optional<List<String>> mediaTypes = mediaTypes(document);
      Optional<Long> maxBytes = document.require("max-size").flatMap(this::size);
      int maxCount = document.integer("max-count", 1).orElse(1);
      Optional<Condition> when = condition(document, null, null);
      if (id.isPresent() && label.isPresent() && mediaTypes.isPresent() && maxBytes.isPresent()) {
        build(
                mark,
                item,
                () ->
                    new DocumentRequirement(
                        id.get(),
                        label.get(),
                        required,
                        mediaTypes.get(),
                        maxBytes.get(),
                        maxCount,
                        when))
            .ifPresent(documents::add);
      }
    }
    return documents;
  }

  private Optional<List<String>> mediaTypes(Mapping document) {
    Optional<List<Node>> items =
        document.require("media-types").flatMap(n -> yaml.list(n, "'media-types'"));
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (items.get().isEmpty()) {
      yaml.problem(
          document.get("media-types").orElseThrow(),
          "'media-types' needs at least one type (application/pdf)");
      return Optional.empty();
    }
    Set<String> types = new LinkedHashSet<>();
    for (ScalarValue type : yaml.scalars(items.get(), "'media-types'")) {
      if (!MEDIA_TYPE.matcher(type.text()).matches()) {
        yaml.problem(
            type.node(),
            "a media type is written type/subtype in lower case (application/pdf), not '"
                + type.text()
                + "'");
      } else if (!types.add(type.text())) {
        yaml.problem(type.node(), "media type " + type.text() + " is given twice");
      }
    }
    return Optional.of(List.copyOf(types));
  }

  /** {@code 10MB}, {@code 512KB} or a number of bytes; 1 KB = 1024 bytes. */
  private Optional<Long> size(Node node) {
    Optional<String> text = yaml.scalar(node, "'max-size'");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Matcher matcher = SIZE.matcher(text.get());
    if (matcher.matches()) {
      try {
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : matcher.group(2).toUpperCase(Locale.ROOT);
        long bytes =
            switch (unit) {
              case "KB" -> Math.multiplyExact(number, 1024L);
              case "MB" -> Math.multiplyExact(number, 1024L * 1024L);
              default -> number;
            };
        if (bytes > 0) {
          return Optional.of(bytes);
        }
      } catch (ArithmeticException | NumberFormatException e) {
        // too large: reported below
      }
    }
    yaml.problem(
        node,
        "'max-size' must be a positive size in bytes, KB or MB (10MB, 512KB, 200000), not '"
            + text.get()
            + "'");
    return Optional.empty();
  }

  // ---------------------------------------------------------------- workflow

  private Optional<Workflow> workflow(Node node) {
    Optional<Mapping> found = yaml.mapping(node, "'workflow'", WORKFLOW_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    int mark = yaml.problemCount();
    Mapping workflow = found.get();
    boolean whole = true;

    Map<String, Node> stateNodes = new LinkedHashMap<>();
    Map<String, Boolean> terminal = new HashMap<>();
    List<Workflow.State> states = new ArrayList<>();
    Optional<List<Node>> stateItems =
        workflow.require("states").flatMap(n -> yaml.list(n, "'states'"));
    whole &= stateItems.isPresent();
    if (stateItems.isPresent() && stateItems.get().isEmpty()) {
      yaml.problem(workflow.get("states").orElseThrow(), "'states' needs at least one state");
      whole = false;
    }
    for (Node item : stateItems.orElse(List.of())) {
      Optional<Mapping> state = yaml.mapping(item, "a state", STATE_KEYS);
      Optional<Workflow.State> read = state.flatMap(s -> state(s, stateNodes, terminal));
      read.ifPresent(states::add);
      whole &= read.isPresent();
    }

    Optional<String> initial = id(workflow, "initial", KEBAB_ID, "kebab-case (depose)");
    if (initial.isPresent() && stateItems.isPresent() && !stateNodes.containsKey(initial.get())) {
      yaml.problem(
          workflow.get("initial").orElseThrow(),
          "initial state '" + initial.get() + "' is not one of the states");
      whole = false;
    }

    List<Workflow.Transition> transitions = new ArrayList<>();
    Map<String, Node> moves = new HashMap<>();
    for (Node item : workflow.list("transitions").orElse(List.of())) {
      Optional<Mapping> transition = yaml.mapping(item, "a transition", TRANSITION_KEYS);
      Optional<Workflow.Transition> read =
          transition.flatMap(t -> transition(t, stateNodes, terminal, moves));
      read.ifPresent(transitions::add);
      whole &= read.isPresent();
    }

    List<Workflow.ConsultedBody> bodies = new ArrayList<>();
    Map<String, Node> bodyIds = new HashMap<>();
    int unconditional = 0;
    for (Node item : workflow.list("consulted-bodies").orElse(List.of())) {
      Optional<Mapping> consulted = yaml.mapping(item, "a consulted body", BODY_KEYS);
      if (consulted.isEmpty()) {
        continue;
      }
      Mapping body = consulted.get();
      Optional<String> id = id(body, "id", KEBAB_ID, "kebab-case (agence-urbaine)");
      id.ifPresent(i -> unique(bodyIds, i, body.get("id").orElseThrow(), "consulted body"));
      Optional<LocalizedText> label = label(body);
      boolean binding = body.bool("binding", false);
      Optional<Condition> when = condition(body, null, null);
      unconditional += body.has("when") ? 0 : 1;
      if (id.isPresent() && label.isPresent()) {
        bodies.add(new Workflow.ConsultedBody(id.get(), label.get(), binding, when));
      }
    }
    if (!bodies.isEmpty() && unconditional == 0) {
      // The commission state waits for the round's avis: a round must never be empty.
      yaml.problem(
          workflow.get("consulted-bodies").orElseThrow(),
          "at least one consulted body must be consulted on every dossier (without 'when'), so"
              + " that the commission always has an avis to wait for");
    }

    if (!whole || initial.isEmpty()) {
      return Optional.empty();
    }
    Optional<Workflow> built =
        build(mark, node, () -> new Workflow(initial.get(), states, transitions, bodies));
    // The API judges the workflow's shape; its problems name the state at fault when there is one.
    built.ifPresent(
        w -> {
          for (String problem : w.problems()) {
            Matcher state = STATE_PROBLEM.matcher(problem);
            Node where =
                state.matches() ? stateNodes.getOrDefault(state.group(1), node) : workflow.node();
            yaml.problem(where, problem);
          }
        });
    return built;
  }

  private Optional<Workflow.State> state(
      Mapping state, Map<String, Node> stateNodes, Map<String, Boolean> terminals) {
    Optional<String> id = id(state, "id", KEBAB_ID, "kebab-case (en-instruction)");
    id.ifPresent(i -> unique(stateNodes, i, state.node(), "state"));
    Optional<LocalizedText> label = label(state);
    boolean terminal = state.bool("terminal", false);
    Optional<Integer> deadline = state.integer("deadline-working-days", 1);
    boolean silence = state.bool("silence-means-acceptance", false);
    if (terminal && state.has("deadline-working-days")) {
      yaml.problem(
          state.get("deadline-working-days").orElseThrow(),
          "a terminal state has no deadline: a dossier's life ends there");
    }
    if (silence && !state.has("deadline-working-days")) {
      yaml.problem(
          state.get("silence-means-acceptance").orElseThrow(),
          "'silence-means-acceptance' needs a 'deadline-working-days' for the silence to last");
    }
    id.ifPresent(i -> terminals.putIfAbsent(i, terminal));
    if (id.isEmpty() || label.isEmpty()) {
      return Optional.empty();
    }
    return build(
        state.node(), () -> new Workflow.State(id.get(), label.get(), terminal, deadline, silence));
  }

  private Optional<Workflow.Transition> transition(
      Mapping transition,
      Map<String, Node> stateNodes,
      Map<String, Boolean> terminal,
      Map<String, Node> moves) {
    Optional<String> action =
        id(transition, "action", KEBAB_ID, "kebab-case (demander-complements)");
    Optional<String> from = stateOf(transition, "from", stateNodes);
    Optional<String> to = stateOf(transition, "to", stateNodes);
    Optional<ActingRole> by = enumValue(transition, "by", ActingRole.class);
    if (from.isPresent() && Boolean.TRUE.equals(terminal.get(from.get()))) {
      yaml.problem(
          transition.get("from").orElseThrow(),
          "'" + from.get() + "' is a terminal state: no transition leaves it");
    }
    if (action.isPresent() && from.isPresent()) {
      Node first = moves.putIfAbsent(from.get() + " " + action.get(), transition.node());
      if (first != null) {
        yaml.problem(
            transition.get("action").orElseThrow(),
            "action '"
                + action.get()
                + "' from '"
                + from.get()
                + "' is already declared (line "
                + YamlTree.line(first)
                + "): an action leads to one state");
      }
    }
    if (action.isEmpty() || from.isEmpty() || to.isEmpty() || by.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Workflow.Transition(action.get(), from.get(), to.get(), by.get()));
  }

  private Optional<String> stateOf(Mapping transition, String key, Map<String, Node> stateNodes) {
    return transition
        .requireString(key)
        .filter(
            state -> {
              if (stateNodes.containsKey(state)) {
                return true;
              }
              yaml.problem(
                  transition.get(key).orElseThrow(),
                  "'" + key + "' names no state of the workflow: '" + state + "'");
              return false;
            });
  }

  // ---------------------------------------------------------------- fees

  private FeeSchedule fees(Node node) {
    List<FeeSchedule.Line> lines = new ArrayList<>();
    for (Node item : yaml.list(node, "'fees'").orElse(List.of())) {
      Optional<Mapping> found = yaml.mapping(item, "a fee line", FEE_KEYS);
      if (found.isEmpty()) {
        continue;
      }
      int mark = yaml.problemCount();
      Mapping line = found.get();
      Optional<LocalizedText> label = label(line);
      BigDecimal fixed = amount(line, "fixed").orElse(BigDecimal.ZERO);
      BigDecimal perUnit = amount(line, "per-unit").orElse(BigDecimal.ZERO);
      List<String> counts = FEE_COUNTS.stream().filter(line::has).toList();
      if (counts.size() > 1) {
        yaml.problem(
            line.node(),
            "a fee line counts its units one way: give one of 'per-unit-of', 'per-day-between'"
                + " and 'per-item-of', not "
                + counts.stream().map(c -> "'" + c + "'").collect(Collectors.joining(" and ")));
      } else if (counts.isEmpty() == line.has("per-unit")) {
        yaml.problem(
            line.node(),
            counts.isEmpty()
                ? "'per-unit' needs what it counts: 'per-unit-of', 'per-day-between' or"
                    + " 'per-item-of'"
                : "'" + counts.get(0) + "' needs 'per-unit', the amount per unit");
      } else if (!line.has("fixed") && counts.isEmpty()) {
        yaml.problem(
            line.node(),
            "a fee line needs 'fixed', or 'per-unit' with what it counts ('per-unit-of',"
                + " 'per-day-between' or 'per-item-of'), or both");
      }
      Optional<String> perUnitOf = line.string("per-unit-of");
      perUnitOf.ifPresent(field -> refer(Use.PER_UNIT, field, line.get("per-unit-of")));
      Optional<FeeSchedule.DayRange> perDayBetween =
          line.get("per-day-between").flatMap(this::dayRange);
      Optional<String> perItemOf = line.string("per-item-of");
      perItemOf.ifPresent(section -> refer(Use.PER_ITEM, section, line.get("per-item-of")));
      Optional<Condition> when = condition(line, null, null);
      if (label.isPresent()) {
        build(
                mark,
                item,
                () ->
                    new FeeSchedule.Line(
                        label.get(), fixed, perUnitOf, perUnit, when, perDayBetween, perItemOf))
            .ifPresent(lines::add);
      }
    }
    return new FeeSchedule(lines);
  }

  /** {@code per-day-between: [first_day, last_day]}: two different DATE fields. */
  private Optional<FeeSchedule.DayRange> dayRange(Node node) {
    Optional<List<Node>> items = yaml.list(node, "'per-day-between'");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<ScalarValue> dates = yaml.scalars(items.get(), "'per-day-between'");
    if (items.get().size() != 2 || dates.size() != 2) {
      yaml.problem(
          node,
          "'per-day-between' names two DATE fields, the first day and the last:"
              + " [date_debut, date_fin]");
      return Optional.empty();
    }
    if (dates.get(0).text().equals(dates.get(1).text())) {
      yaml.problem(node, "'per-day-between' names two different DATE fields");
      return Optional.empty();
    }
    for (ScalarValue date : dates) {
      references.add(
          new Reference(Use.PER_DAY, date.text(), YamlTree.line(date.node()), null, null, null, 0));
    }
    return Optional.of(new FeeSchedule.DayRange(dates.get(0).text(), dates.get(1).text()));
  }

  private void refer(Use use, String name, Optional<Node> node) {
    references.add(
        new Reference(use, name, YamlTree.line(node.orElseThrow()), null, null, null, 0));
  }

  /** An amount in dirhams: a number, zero or more. */
  private Optional<BigDecimal> amount(Mapping line, String key) {
    return line.decimal(key)
        .filter(
            amount -> {
              if (amount.signum() >= 0) {
                return true;
              }
              yaml.problem(line.get(key).orElseThrow(), "'" + key + "' cannot be negative");
              return false;
            });
  }

  // ---------------------------------------------------------------- template

  private Optional<AuthorizationTemplate> template(Node node) {
    Optional<Mapping> found = bilingual(node, "'template'");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mapping template = found.get();
    Optional<String> fr = template.string("fr");
    Optional<String> ar = template.string("ar");
    if (fr.isEmpty() || ar.isEmpty()) {
      return Optional.empty();
    }
    Set<String> inFrench = placeholders(template.get("fr").orElseThrow());
    Set<String> inArabic = placeholders(template.get("ar").orElseThrow());
    for (String name : inFrench) {
      if (!inArabic.contains(name)) {
        yaml.problem(
            template.get("ar").orElseThrow(),
            "the Arabic text lacks " + tag(name) + ", which the French text has");
      }
    }
    for (String name : inArabic) {
      if (!inFrench.contains(name)) {
        yaml.problem(
            template.get("fr").orElseThrow(),
            "the French text lacks " + tag(name) + ", which the Arabic text has");
      }
    }
    return Optional.of(new AuthorizationTemplate(fr.get(), ar.get()));
  }

  /**
   * The tags of one text ({@code name}, {@code name.label}, {@code #section}, {@code /section}), as
   * written; malformed ones and blocks not closed, or nested, are reported.
   */
  private Set<String> placeholders(Node node) {
    ScalarNode scalar = (ScalarNode) node;
    String text = scalar.getValue();
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    int end = 0;
    String block = null;
    int blockLine = 0;
    while (matcher.find()) {
      int line = lineOf(scalar, matcher.start());
      Matcher name = PLACEHOLDER_NAME.matcher(matcher.group(1));
      if (!name.matches() || (!name.group(1).isEmpty() && name.group(3) != null)) {
        yaml.problem(
            line,
            "'"
                + matcher.group()
                + "' is not a placeholder: write {{field_id}}, {{choice_field_id.label}},"
                + " {{#repeatable_section}}…{{/repeatable_section}}, or one of {{"
                + String.join("}}, {{", PLATFORM_VALUES)
                + "}}");
      } else if (name.group(1).equals("#")) {
        if (block != null) {
          yaml.problem(
              line,
              "{{#"
                  + name.group(2)
                  + "}} opens a block inside {{#"
                  + block
                  + "}} (line "
                  + blockLine
                  + "): blocks do not nest");
        } else {
          block = name.group(2);
          blockLine = line;
          names.add("#" + block);
          references.add(new Reference(Use.BLOCK, block, line, null, null, null, 0));
        }
      } else if (name.group(1).equals("/")) {
        if (block == null || !block.equals(name.group(2))) {
          yaml.problem(
              line,
              "{{/"
                  + name.group(2)
                  + "}} closes no block"
                  + (block == null ? "" : ": {{#" + block + "}} is open (line " + blockLine + ")"));
        } else {
          names.add("/" + block);
          block = null;
        }
      } else {
        String id = name.group(2);
        boolean label = name.group(3) != null;
        String tag = id + (label ? ".label" : "");
        boolean first = names.add(block == null ? tag : block + "/" + tag);
        if (label && PLATFORM_VALUES.contains(id)) {
          yaml.problem(line, "{{" + id + "}} is the platform's: it has no .label");
        } else if (first && (label || !PLATFORM_VALUES.contains(id))) {
          references.add(
              new Reference(label ? Use.LABEL : Use.PLACEHOLDER, id, line, block, null, null, 0));
        }
      }
      end = matcher.end();
    }
    int unclosed = text.indexOf("{{", end);
    if (unclosed >= 0) {
      yaml.problem(lineOf(scalar, unclosed), "'{{' is not closed by '}}'");
    }
    if (block != null) {
      yaml.problem(blockLine, "{{#" + block + "}} is not closed by {{/" + block + "}}");
    }
    return names;
  }

  /** A tag as {@link #placeholders} names it, written as in the template. */
  private static String tag(String name) {
    int slash = name.indexOf('/');
    return slash > 0
        ? "{{" + name.substring(slash + 1) + "}} in {{#" + name.substring(0, slash) + "}}"
        : "{{" + name + "}}";
  }

  /**
   * The line of a character of a scalar: exact in a literal block ({@code |}), whose lines are kept
   * as written; the scalar's first line otherwise, where YAML folds lines.
   */
  private static int lineOf(ScalarNode scalar, int index) {
    int start = YamlTree.line(scalar);
    if (scalar.getScalarStyle() != ScalarStyle.LITERAL) {
      return start;
    }
    int newlines =
        (int) scalar.getValue().substring(0, index).chars().filter(c -> c == '\n').count();
    return start + 1 + newlines;
  }

  // ---------------------------------------------------------------- cross-references

  private void unique(Map<String, Node> ids, String id, Node node, String what) {
    Node first = ids.putIfAbsent(id, node);
    if (first != null) {
      yaml.problem(
          node, what + " '" + id + "' is already declared (line " + YamlTree.line(first) + ")");
    }
  }

  private void check(Reference reference) {
    if (reference.use() == Use.BLOCK || reference.use() == Use.PER_ITEM) {
      Boolean repeatable = sections.get(reference.field());
      if (!Boolean.TRUE.equals(repeatable)) {
        yaml.problem(
            reference.line(),
            reference.use().what
                + " names "
                + (repeatable == null
                    ? "no section of the form"
                    : "a section that is not repeatable")
                + ": '"
                + reference.field()
                + "'"
                + (reference.use() == Use.BLOCK
                    ? "; write {{#section}}…{{/section}} with a repeatable section"
                    : ""));
      }
      return;
    }
    DeclaredField field = fields.get(reference.field());
    if (field == null) {
      yaml.problem(
          reference.line(),
          reference.use().what + " names no field of the form: '" + reference.field() + "'");
      return;
    }
    boolean template = reference.use() == Use.PLACEHOLDER || reference.use() == Use.LABEL;
    if (!Objects.equals(field.scope(), reference.scope()) && !(template && field.scope() == null)) {
      yaml.problem(
          reference.line(),
          reference.scope() == null || template
              ? "'"
                  + field.id()
                  + "' is in the repeatable section '"
                  + field.scope()
                  + "', which has one value per occurrence: "
                  + reference.use().what
                  + (template
                      ? " names it only inside {{#"
                          + field.scope()
                          + "}}…{{/"
                          + field.scope()
                          + "}}"
                      : " can only name a field outside repeatable sections")
              : "a condition inside the repeatable section '"
                  + reference.scope()
                  + "' can only look at a field of that section, not '"
                  + field.id()
                  + "'");
      return;
    }
    if (field.id().equals(reference.self())) {
      yaml.problem(reference.line(), "field '" + field.id() + "' cannot depend on itself");
      return;
    }
    if (field.section().equals(reference.self())) {
      yaml.problem(
          reference.line(),
          "section '" + field.section() + "' cannot depend on its own field '" + field.id() + "'");
      return;
    }
    FieldType type = field.type();
    switch (reference.use()) {
      case CONDITION -> {
        if (type == FieldType.CHOICE && !field.choices().contains(reference.equals())) {
          yaml.problem(
              reference.equalsLine(),
              "'"
                  + reference.equals()
                  + "' is not a choice of '"
                  + field.id()
                  + "' ("
                  + String.join(", ", field.choices())
                  + ")");
        } else if (type == FieldType.BOOLEAN
            && !reference.equals().equals("true")
            && !reference.equals().equals("false")) {
          yaml.problem(
              reference.equalsLine(),
              "'" + field.id() + "' is a BOOLEAN field: compare it with true or false");
        }
      }
      case PER_UNIT -> {
        if (type != null && type != FieldType.INTEGER && type != FieldType.DECIMAL) {
          yaml.problem(
              reference.line(),
              "'per-unit-of' must name an INTEGER or DECIMAL field; '"
                  + field.id()
                  + "' is "
                  + type);
        }
      }
      case PER_DAY -> {
        if (type != null && type != FieldType.DATE) {
          yaml.problem(
              reference.line(),
              "'per-day-between' must name DATE fields; '" + field.id() + "' is " + type);
        }
      }
      case LABEL -> {
        if (type != null && type != FieldType.CHOICE) {
          yaml.problem(
              reference.line(),
              "{{"
                  + field.id()
                  + ".label}}: only a CHOICE field has labels for its values; '"
                  + field.id()
                  + "' is "
                  + type
                  + ", write {{"
                  + field.id()
                  + "}}");
        }
      }
      case PLACEHOLDER, BLOCK, PER_ITEM -> {
        // any field has a text value; sections are checked above
      }
    }
  }

  /** A field as declared, with what the cross-references need even if it could not be read. */
  private record DeclaredField(
      String id, String section, String scope, FieldType type, List<String> choices) {}

  private enum Use {
    CONDITION("'when'"),
    PER_UNIT("'per-unit-of'"),
    PER_DAY("'per-day-between'"),
    PER_ITEM("'per-item-of'"),
    PLACEHOLDER("the template"),
    LABEL("the template"),
    BLOCK("the template's block");

    final String what;

    Use(String what) {
      this.what = what;
    }
  }

  /**
   * A field's id used somewhere, checked once the whole form is read.
   *
   * @param field the field's id; for {@link Use#BLOCK} and {@link Use#PER_ITEM}, a section's
   * @param scope the repeatable section it is used in, {@code null} at the dossier's top level
   * @param self the section or field that uses it, which may not use itself
   * @param equals for a condition, the value compared with
   */
  private record Reference(
      Use use, String field, int line, String scope, String self, String equals, int equalsLine) {}
}
