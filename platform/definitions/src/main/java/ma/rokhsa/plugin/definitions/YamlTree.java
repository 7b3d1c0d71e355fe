package ma.rokhsa.plugin.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
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
 * name where it is ({@code procedure.yaml:12: …}). Problems are collected, not thrown: the reader
 * reports them all at once. The one YAML reader of Rokhsa: procedure definitions here, and the
 * platform's {@code tenant-config/} files (which is why it is public).
 *
 * <pre>{@code
 * YamlTree tree = new YamlTree("national.yaml", problem -> report(problem));
 * tree.parse(file).flatMap(root -> tree.mapping(root, "the file"))
 *     .ifPresent(settings -> settings.allowOnly(Set.of("defaults")));
 * }</pre>
 *
 * <p><b>Not part of the plugin API:</b> plugins never see it, and it may change with any release of
 * the platform. Values are read from the text as written, never through YAML's own typing, so
 * {@code 1.10} stays {@code 1.10} and {@code yes} is not a boolean. It holds no resource.
 */
public final class YamlTree {

  private final String resource;
  private final List<Problem> problems = new ArrayList<>();
  private final Consumer<Problem> listener;

  /** A tree that keeps its problems, for {@link #problems()}. */
  public YamlTree(String resource) {
    this(resource, problem -> {});
  }

  /** A tree that also hands each problem to {@code listener} as it is found. */
  public YamlTree(String resource, Consumer<Problem> listener) {
    this.resource = resource;
    this.listener = listener;
  }

  /** The name problems are reported under. */
  public String resource() {
    return resource;
  }

  /**
   * Parses a file; an empty file is an empty mapping (nothing set). Syntax errors and a file that
   * cannot be read become problems.
   */
  public Optional<Node> parse(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      int before = problems.size();
      Optional<Node> root = compose(in);
      if (root.isEmpty() && problems.size() == before) {
        return Optional.of(new MappingNode(Tag.MAP, List.of(), FlowStyle.AUTO));
      }
      return root;
    } catch (IOException e) {
      problem(0, "cannot be read: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Parses the resource; an empty one and syntax errors become problems. */
  Optional<Node> parse(InputStream in) {
    int before = problems.size();
    Optional<Node> root = compose(in);
    if (root.isEmpty() && problems.size() == before) {
      problem(0, "is empty");
    }
    return root;
  }

  /** The root node; empty for an empty resource, or a syntax error (reported). */
  private Optional<Node> compose(InputStream in) {
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(resource).build();
      return new Compose(settings).composeInputStream(in);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
      problem(line, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      problem(0, "not valid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** A problem where {@code node} is written ({@code null}: the resource as a whole). */
  public void problem(Node node, String message) {
    problem(line(node), message);
  }

  /** A problem at a line; line 0 is the resource as a whole. */
  public void problem(int line, String message) {
    Problem problem = new Problem(line, message);
    problems.add(problem);
    listener.accept(problem);
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

  /** The 1-based line a node is written on; 0 for {@code null} or a node made, not read. */
  public static int line(Node node) {
    return node == null ? 0 : node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
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
    return mapping(node, what, Optional.of(allowed));
  }

  /**
   * The node as a mapping of any keys (check them with {@link Mapping#allowOnly}).
   *
   * @param what how the problems name the node ({@code the file}, {@code 'defaults'})
   */
  public Optional<Mapping> mapping(Node node, String what) {
    return mapping(node, what, Optional.empty());
  }

  private Optional<Mapping> mapping(Node node, String what, Optional<List<String>> known) {
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
      if (known.isPresent() && !known.get().contains(key.getValue())) {
        List<String> allowed = known.get();
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
  public Optional<List<Node>> list(Node node, String what) {
    if (node instanceof SequenceNode sequence) {
      return Optional.of(sequence.getValue());
    }
    problem(node, what + " must be a list ([a, b] or one '- item' a line)");
    return Optional.empty();
  }

  /** A single value that is not blank, trimmed. */
  public Optional<String> scalar(Node node, String what) {
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
  public List<ScalarValue> scalars(List<Node> items, String what) {
    List<ScalarValue> values = new ArrayList<>();
    for (Node item : items) {
      scalar(item, "each of " + what).ifPresent(text -> values.add(new ScalarValue(text, item)));
    }
    return values;
  }

  private static String kind(Node node) {
    return node instanceof MappingNode ? "mapping" : "list";
  }

  /** A mapping, read with types checked. */
  public final class Mapping {

    private final MappingNode node;
    private final Map<String, NodeTuple> entries;

    private Mapping(MappingNode node, Map<String, NodeTuple> entries) {
      this.node = node;
      this.entries = entries;
    }

    public Node node() {
      return node;
    }

    /** The tree it was read from, to report problems. */
    public YamlTree tree() {
      return YamlTree.this;
    }

    /** The line the mapping starts on; 0 for an empty file. */
    public int line() {
      return YamlTree.line(node);
    }

    /** The keys given, in the order written. */
    public List<String> keys() {
      return List.copyOf(entries.keySet());
    }

    /** Where a key is written. */
    public Optional<Node> keyNode(String key) {
      return Optional.ofNullable(entries.get(key)).map(NodeTuple::getKeyNode);
    }

    /**
     * Reports each key of a configuration file that is not in {@code allowed}, naming the ones that
     * are (and the file's template).
     */
    public void allowOnly(Collection<String> allowed) {
      for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
        if (!allowed.contains(entry.getKey())) {
          problem(
              entry.getValue().getKeyNode(),
              "unknown setting '"
                  + entry.getKey()
                  + "' (expected one of: "
                  + String.join(", ", allowed.stream().sorted().toList())
                  + "; see template.yaml)");
        }
      }
    }

    /** Whether the key is given with a value. */
    public boolean has(String key) {
      return get(key).isPresent();
    }

    /** The value of the key; empty when absent or given without a value. */
    public Optional<Node> get(String key) {
      return Optional.ofNullable(entries.get(key))
          .map(NodeTuple::getValueNode)
          .filter(value -> !isNull(value));
    }

    /** The value of a key that must be given; reports it if it is not. */
    public Optional<Node> require(String key) {
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

    public Optional<String> string(String key) {
      return get(key).flatMap(value -> scalar(value, "'" + key + "'"));
    }

    public Optional<String> requireString(String key) {
      return require(key).flatMap(value -> scalar(value, "'" + key + "'"));
    }

    /** {@code true} or {@code false}; {@code otherwise} when absent (or wrong, once reported). */
    public boolean bool(String key, boolean otherwise) {
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
    public Optional<Integer> integer(String key, int min) {
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
    public Optional<BigDecimal> decimal(String key) {
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

    /**
     * A whole number of at least {@code min}, as configuration files write them ({@code
     * 1_000_000}); empty when absent or wrong (once reported).
     */
    public Optional<Long> number(String key, long min) {
      return string(key)
          .flatMap(
              text -> {
                Node value = get(key).orElseThrow();
                try {
                  long number = Long.parseLong(text.replace("_", ""));
                  if (number < min) {
                    problem(value, "'" + key + "' must be at least " + min);
                    return Optional.empty();
                  }
                  return Optional.of(number);
                } catch (NumberFormatException e) {
                  problem(value, "'" + key + "' must be a whole number, not '" + text + "'");
                  return Optional.empty();
                }
              });
    }

    /** The items of a list; empty when absent or not a list (once reported). */
    public Optional<List<Node>> list(String key) {
      return get(key).flatMap(value -> YamlTree.this.list(value, "'" + key + "'"));
    }

    /** The single values of a list; empty when absent or not a list (once reported). */
    public Optional<List<ScalarValue>> scalars(String key) {
      return list(key).map(items -> YamlTree.this.scalars(items, "'" + key + "'"));
    }

    /** The value of the key as a mapping; empty when absent or not a mapping (once reported). */
    public Optional<Mapping> mapping(String key) {
      return get(key).flatMap(value -> YamlTree.this.mapping(value, "'" + key + "'"));
    }

    /** The items of a list of mappings (such as waves); the others are reported and skipped. */
    public List<Mapping> mappings(String key) {
      List<Mapping> mappings = new ArrayList<>();
      list(key)
          .ifPresent(
              items -> {
                for (Node item : items) {
                  YamlTree.this.mapping(item, "each of '" + key + "'").ifPresent(mappings::add);
                }
              });
      return mappings;
    }
  }

  /**
   * A problem found while reading.
   *
   * @param line the 1-based line, or 0 for the resource as a whole
   * @param message what is wrong
   */
  public record Problem(int line, String message) {}

  /**
   * A single value and where it was written.
   *
   * @param text the value, trimmed
   * @param node where it is written
   */
  public record ScalarValue(String text, Node node) {}
}
