package ma.rokhsa.infrastructure.tenantconfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

/**
 * One YAML file of {@code tenant-config/}, read as a tree of nodes that remember their line, so
 * that every problem can name where it is. Problems are collected, not thrown: the loader reports
 * them all at once.
 */
final class YamlFile {

  private final String name;
  private final List<ConfigProblem> problems;

  private YamlFile(String name, List<ConfigProblem> problems) {
    this.name = name;
    this.problems = problems;
  }

  /** Parses the file; an empty file is an empty section. Syntax errors become problems. */
  static Optional<Section> read(Path file, String name, List<ConfigProblem> problems) {
    YamlFile yaml = new YamlFile(name, problems);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoadSettings settings = LoadSettings.builder().setLabel(name).build();
      Optional<Node> root = new Compose(settings).composeReader(reader);
      if (root.isEmpty()) {
        return Optional.of(yaml.new Section(null, Map.of()));
      }
      return yaml.section(root.get(), "the file");
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
      problems.add(new ConfigProblem(name, line, "not valid YAML: " + e.getProblem()));
    } catch (YamlEngineException e) {
      problems.add(new ConfigProblem(name, 0, "not valid YAML: " + e.getMessage()));
    } catch (IOException e) {
      problems.add(new ConfigProblem(name, 0, "cannot be read: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private Optional<Section> section(Node node, String what) {
    if (!(node instanceof MappingNode mapping)) {
      problem(node, what + " must be a mapping of settings (key: value)");
      return Optional.empty();
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problem(tuple.getKeyNode(), "a key must be a plain word");
        continue;
      }
      if (entries.putIfAbsent(key.getValue(), tuple) != null) {
        problem(key, "'" + key.getValue() + "' is given twice");
      }
    }
    return Optional.of(new Section(mapping, entries));
  }

  void problem(Node node, String message) {
    problems.add(new ConfigProblem(name, line(node), message));
  }

  String name() {
    return name;
  }

  static int line(Node node) {
    return node == null ? 0 : node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
  }

  /** A mapping of settings, read with types checked. */
  final class Section {

    private final MappingNode node;
    private final Map<String, NodeTuple> entries;

    private Section(MappingNode node, Map<String, NodeTuple> entries) {
      this.node = node;
      this.entries = entries;
    }

    YamlFile file() {
      return YamlFile.this;
    }

    int line() {
      return YamlFile.line(node);
    }

    /** Reports each key not in {@code allowed}, naming the ones that are. */
    void allowOnly(Set<String> allowed) {
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

    /** The keys given, in file order. */
    List<String> keys() {
      return List.copyOf(entries.keySet());
    }

    /** Where the key {@code key} is written. */
    Optional<Node> keyNode(String key) {
      return Optional.ofNullable(entries.get(key)).map(NodeTuple::getKeyNode);
    }

    boolean has(String key) {
      return entries.containsKey(key);
    }

    Optional<Node> node(String key) {
      return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    Optional<String> string(String key) {
      return node(key).flatMap(value -> scalar(value, key));
    }

    Optional<String> required(String key) {
      if (!has(key)) {
        problems.add(new ConfigProblem(name, line(), "'" + key + "' is required"));
        return Optional.empty();
      }
      return string(key);
    }

    Optional<Long> number(String key, long min) {
      return node(key)
          .flatMap(
              value ->
                  scalar(value, key)
                      .flatMap(
                          text -> {
                            try {
                              long number = Long.parseLong(text.replace("_", ""));
                              if (number < min) {
                                problem(value, "'" + key + "' must be at least " + min);
                                return Optional.empty();
                              }
                              return Optional.of(number);
                            } catch (NumberFormatException e) {
                              problem(
                                  value,
                                  "'" + key + "' must be a whole number, not '" + text + "'");
                              return Optional.empty();
                            }
                          }));
    }

    /** A list of plain values; {@code []} is an empty list. */
    Optional<List<Scalar>> list(String key) {
      return node(key)
          .flatMap(
              value -> {
                if (!(value instanceof SequenceNode sequence)) {
                  problem(value, "'" + key + "' must be a list ([a, b] or one '- item' a line)");
                  return Optional.empty();
                }
                List<Scalar> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                  scalar(item, key + " item").ifPresent(text -> items.add(new Scalar(text, item)));
                }
                return Optional.of(items);
              });
    }

    Optional<Section> section(String key) {
      return node(key).flatMap(value -> YamlFile.this.section(value, "'" + key + "'"));
    }

    /** A list of mappings (such as the waves). */
    List<Section> sections(String key) {
      List<Section> sections = new ArrayList<>();
      node(key)
          .ifPresent(
              value -> {
                if (!(value instanceof SequenceNode sequence)) {
                  problem(value, "'" + key + "' must be a list");
                  return;
                }
                for (Node item : sequence.getValue()) {
                  YamlFile.this.section(item, "each of '" + key + "'").ifPresent(sections::add);
                }
              });
      return sections;
    }

    private Optional<String> scalar(Node value, String key) {
      if (value instanceof ScalarNode scalar) {
        return Optional.of(scalar.getValue().trim());
      }
      problem(value, "'" + key + "' must be a single value");
      return Optional.empty();
    }
  }

  /** A plain value and where it was written. */
  record Scalar(String text, Node node) {}
}
