package ma.rokhsa.plugin.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ma.rokhsa.plugin.api.procedure.FormValues;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reads an {@code examples.yaml}; every problem is reported at once, with its line. */
final class ExampleReader {

  private static final Set<String> KEYS = Set.of("name", "valid", "violations", "values");

  private final String resource;
  private final List<Problem> problems = new ArrayList<>();

  ExampleReader(String resource) {
    this.resource = resource;
  }

  List<ExampleDossier> read(ClassLoader classLoader) {
    List<ExampleDossier> examples = new ArrayList<>();
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = classLoader.getResourceAsStream(path)) {
      if (in == null) {
        problems.add(new Problem(0, "not found"));
      } else {
        Optional<Node> root =
            new Compose(LoadSettings.builder().setLabel(resource).build()).composeInputStream(in);
        if (root.isEmpty() || !(root.get() instanceof SequenceNode list)) {
          problems.add(
              new Problem(0, "must be a list of examples ('- name: …' one after the other)"));
        } else {
          Set<String> names = new HashSet<>();
          for (Node item : list.getValue()) {
            example(item, names).ifPresent(examples::add);
          }
        }
      }
    } catch (MarkedYamlEngineException e) {
      problems.add(
          new Problem(
              e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0),
              "not valid YAML: " + e.getProblem()));
    } catch (YamlEngineException e) {
      problems.add(new Problem(0, "not valid YAML: " + e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "the examples are not valid:\n  "
              + problems.stream()
                  .sorted(Comparator.comparingInt(Problem::line))
                  .map(p -> resource + (p.line() == 0 ? "" : ":" + p.line()) + ": " + p.message())
                  .collect(Collectors.joining("\n  ")));
    }
    return examples;
  }

  private Optional<ExampleDossier> example(Node node, Set<String> names) {
    Map<String, Node> entries = mapping(node, "an example", KEYS);
    Optional<String> name = Optional.ofNullable(entries.get("name")).flatMap(this::text);
    if (!entries.containsKey("name")) {
      problem(node, "an example needs a 'name'");
    }
    name.filter(n -> !names.add(n))
        .ifPresent(n -> problem(node, "example '" + n + "' is given twice"));
    boolean valid = false;
    Node validNode = entries.get("valid");
    if (validNode == null) {
      problem(node, "an example says whether it is 'valid: true' or 'valid: false'");
    } else {
      Optional<String> text = text(validNode);
      if (text.isPresent() && !text.get().equals("true") && !text.get().equals("false")) {
        problem(validNode, "'valid' must be true or false, not '" + text.get() + "'");
      }
      valid = text.map(Boolean::parseBoolean).orElse(false);
    }
    Set<String> violations = new LinkedHashSet<>();
    Node violationsNode = entries.get("violations");
    if (violationsNode != null) {
      if (valid) {
        problem(violationsNode, "a valid example has no 'violations'");
      } else if (violationsNode instanceof SequenceNode sequence) {
        sequence.getValue().forEach(item -> text(item).ifPresent(violations::add));
      } else {
        problem(
            violationsNode, "'violations' must be a list of fields ([surface, niveaux[0].usage])");
      }
    }
    Map<String, Object> formValues = new HashMap<>();
    Node valuesNode = entries.get("values");
    if (valuesNode == null) {
      problem(node, "an example needs 'values': the form's values, field: value");
    } else {
      formValues = values(valuesNode, true);
    }
    if (name.isEmpty() || validNode == null || valuesNode == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ExampleDossier(name.get(), FormValues.of(formValues), valid, violations));
  }

  /** Field → text; at the top level, also section → list of field → text. */
  private Map<String, Object> values(Node node, boolean top) {
    Map<String, Object> values = new LinkedHashMap<>();
    mapping(node, "'values'", null)
        .forEach(
            (field, value) -> {
              if (value instanceof ScalarNode scalar) {
                if (!Tag.NULL.equals(scalar.getTag())) {
                  values.put(field, scalar.getValue());
                }
              } else if (top && value instanceof SequenceNode sequence) {
                List<Map<String, Object>> occurrences = new ArrayList<>();
                sequence.getValue().forEach(item -> occurrences.add(values(item, false)));
                values.put(field, occurrences);
              } else {
                problem(
                    value,
                    "'"
                        + field
                        + "' must be a single value"
                        + (top ? ", or a list of {field: value} for a repeatable section" : ""));
              }
            });
    return values;
  }

  /** The entries of a mapping, keys checked against {@code allowed} unless it is null. */
  private Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
    Map<String, Node> entries = new LinkedHashMap<>();
    if (!(node instanceof MappingNode mapping)) {
      problem(node, what + " must be a mapping (key: value)");
      return entries;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      Optional<String> key = text(tuple.getKeyNode());
      if (key.isEmpty()) {
        continue;
      }
      if (allowed != null && !allowed.contains(key.get())) {
        problem(
            tuple.getKeyNode(),
            "unknown key '" + key.get() + "' (expected one of: name, valid, violations, values)");
      } else if (entries.putIfAbsent(key.get(), tuple.getValueNode()) != null) {
        problem(tuple.getKeyNode(), "'" + key.get() + "' is given twice");
      }
    }
    return entries;
  }

  private Optional<String> text(Node node) {
    if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      return Optional.of(scalar.getValue().trim());
    }
    problem(node, "expected a single value");
    return Optional.empty();
  }

  private void problem(Node node, String message) {
    int line = node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
    problems.add(new Problem(line, message));
  }

  private record Problem(int line, String message) {}
}
