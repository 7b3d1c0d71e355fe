package ma.rokhsa.plugin.definitions;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * One YAML resource read as a tree of nodes that remember their line, so that every problem can
 * name where it is ({@code procedure.yaml:12: …}). Problems are collected, not thrown: the loader
 * reports them all at once. (Adapted from the platform's tenant-config reader; the two modules do
 * not depend on each other.)
 *
 * <p>Values are read from the text as written, never through YAML's own typing, so {@code 1.10}
 * stays {@code 1.10} and {@code yes} is not a boolean.
 */
final class YamlTree {

  private final String resource;
  private final List<Problem> problems = new ArrayList<>();

  YamlTree(String resource) {
    this.resource = resource;
  }

  /** Parses the resource; an empty one and syntax errors become problems. */
  Optional<Node> parse(InputStream in) {
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(resource).build();
      Optional<Node> root = new Compose(settings).composeInputStream(in);
      if (root.isEmpty()) {
        problem(0, "is empty");
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
      problem(line, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      problem(0, "not valid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  void problem(Node node, String message) {
    problem(line(node), message);
  }

  /** A problem at a line; line 0 is the resource as a whole. */
  void problem(int line, String message) {
    problems.add(new Problem(line, message));
  }

  /** How many problems have been found so far. */
  int problemCount() {
    return problems.size();
  }

  /**
   * Every problem, in the order of the lines ({@code resource:line: message}, or {@code resource:
   * message} for the resource as a whole); problems of one line in the order they were found.
   */
  List<String> problems() {
    return problems.stream()
        .sorted(Comparator.comparingInt(Problem::line))
        .map(
            problem ->
                problem.line() == 0
                    ? resource + ": " + problem.message()
                    : resource + ":" + problem.line() + ": " + problem.message())
        .toList();
  }

  static int line(Node node) {
    return node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
  }

  /** Whether the node stands for no value ({@code key:} with nothing after it, {@code null}). */
  static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  /**
   * The node as a mapping whose keys are all in {@code allowed}; an unknown key is reported with
   * the keys that are allowed, and the mapping is read without it.
   *
   * @param what how the problems name the node ({@code a field}, {@code 'workflow'})
   */
  Optional<Mapping> mapping(Node node, String what, List<String> allowed) {
    if (!(node instanceof MappingNode mapping)) {
      problem(node, what + " must be a mapping (key: value)");
      return Optional.empty();
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problem(tuple.getKeyNode(), "a key must be a plain word");
        continue;
      }
      if (!allowed.contains(key.getValue())) {
        problem(
            key,
            "unknown key '"
                + key.getValue()
                + "' in "
                + what
                + " (expected one of: "
                + String.join(", ", allowed)
                + ")");
        continue;
      }
      if (entries.putIfAbsent(key.getValue(), tuple) != null) {
        problem(key, "'" + key.getValue() + "' is given twice");
      }
    }
    return Optional.of(new Mapping(mapping, entries));
  }

  /** The items of a list ({@code [a, b]} or one {@code - item} a line). */
  Optional<List<Node>> list(Node node, String what) {
    if (node instanceof SequenceNode sequence) {
      return Optional.of(sequence.getValue());
    }
    problem(node, what + " must be a list ([a, b] or one '- item' a line)");
    return Optional.empty();
  }

  /** A single value that is not blank, trimmed. */
  Optional<String> scalar(Node node, String what) {
    if (!(node instanceof ScalarNode scalar)) {
      problem(node, what + " must be a single value, not a " + kind(node));
      return Optional.empty();
    }
    if (isNull(node) || scalar.getValue().isBlank()) {
      problem(node, what + " needs a value");
      return Optional.empty();
    }
    return Optional.of(scalar.getValue().trim());
  }

  /** The single values of a list; items that are not single values are reported and skipped. */
  List<ScalarValue> scalars(List<Node> items, String what) {
    List<ScalarValue> values = new ArrayList<>();
    for (Node item : items) {
      scalar(item, "each of " + what).ifPresent(text -> values.add(new ScalarValue(text, item)));
    }
    return values;
  }

  private static String kind(Node node) {
    return node instanceof MappingNode ? "mapping" : "list";
  }

  /** A mapping of known keys, read with types checked. */
  final class Mapping {

    private final MappingNode node;
    private final Map<String, NodeTuple> entries;

    private Mapping(MappingNode node, Map<String, NodeTuple> entries) {
      this.node = node;
      this.entries = entries;
    }

    Node node() {
      return node;
    }

    /** Whether the key is given with a value. */
    boolean has(String key) {
      return get(key).isPresent();
    }

    /** The value of the key; empty when absent or given without a value. */
    Optional<Node> get(String key) {
      return Optional.ofNullable(entries.get(key))
          .map(NodeTuple::getValueNode)
          .filter(value -> !isNull(value));
    }

    /** The value of a key that must be given; reports it if it is not. */
    Optional<Node> require(String key) {
      NodeTuple entry = entries.get(key);
      if (entry == null) {
        problem(node, "'" + key + "' is required");
        return Optional.empty();
      }
      if (isNull(entry.getValueNode())) {
        problem(entry.getKeyNode(), "'" + key + "' needs a value");
        return Optional.empty();
      }
      return Optional.of(entry.getValueNode());
    }

    Optional<String> string(String key) {
      return get(key).flatMap(value -> scalar(value, "'" + key + "'"));
    }

    Optional<String> requireString(String key) {
      return require(key).flatMap(value -> scalar(value, "'" + key + "'"));
    }

    /** {@code true} or {@code false}; {@code otherwise} when absent (or wrong, once reported). */
    boolean bool(String key, boolean otherwise) {
      return string(key)
          .flatMap(
              text -> {
                if (text.equals("true") || text.equals("false")) {
                  return Optional.of(Boolean.parseBoolean(text));
                }
                problem(
                    get(key).orElseThrow(),
                    "'" + key + "' must be true or false, not '" + text + "'");
                return Optional.<Boolean>empty();
              })
          .orElse(otherwise);
    }

    /** A whole number of at least {@code min}; empty when absent or wrong (once reported). */
    Optional<Integer> integer(String key, int min) {
      return string(key)
          .flatMap(
              text -> {
                try {
                  int number = Integer.parseInt(text);
                  if (number >= min) {
                    return Optional.of(number);
                  }
                } catch (NumberFormatException e) {
                  // reported below, with the rule
                }
                problem(
                    get(key).orElseThrow(),
                    "'"
                        + key
                        + "' must be a whole number of at least "
                        + min
                        + ", not '"
                        + text
                        + "'");
                return Optional.empty();
              });
    }

    /** A decimal number ({@code 12}, {@code 0.5}); empty when absent or wrong (once reported). */
    Optional<BigDecimal> decimal(String key) {
      return string(key)
          .flatMap(
              text -> {
                try {
                  return Optional.of(new BigDecimal(text));
                } catch (NumberFormatException e) {
                  problem(
                      get(key).orElseThrow(), "'" + key + "' must be a number, not '" + text + "'");
                  return Optional.empty();
                }
              });
    }

    /** The items of a list; empty when absent or not a list (once reported). */
    Optional<List<Node>> list(String key) {
      return get(key).flatMap(value -> YamlTree.this.list(value, "'" + key + "'"));
    }
  }

  private record Problem(int line, String message) {}

  /** A single value and where it was written. */
  record ScalarValue(String text, Node node) {}
}
