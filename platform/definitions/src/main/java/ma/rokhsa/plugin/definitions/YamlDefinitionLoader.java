package ma.rokhsa.plugin.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ma.rokhsa.plugin.api.procedure.DefinitionException;
import ma.rokhsa.plugin.api.procedure.DefinitionLoader;
import ma.rokhsa.plugin.api.procedure.ProcedureDefinition;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a procedure definition written in YAML (format: {@code procedure-format.md} beside this
 * module) from the resources of one plugin, and checks it whole: every problem is reported at once,
 * each as {@code resource:line: what is wrong}.
 *
 * <pre>{@code
 * DefinitionLoader loader = new YamlDefinitionLoader(plugin.getClass().getClassLoader());
 * ProcedureDefinition definition = provider.definition(loader); // loader.load("procedure.yaml")
 * }</pre>
 *
 * <p>Resources are read with {@link ClassLoader#getResourceAsStream}, so the same loader serves a
 * PF4J plugin's class loader on the server and a test's class path in the testkit. It holds no
 * resource between calls (each stream is closed before {@link #load} returns) and may be shared.
 */
public final class YamlDefinitionLoader implements DefinitionLoader {

  private final ClassLoader classLoader;

  /**
   * @param classLoader the plugin's class loader, whose resources hold its definitions
   */
  public YamlDefinitionLoader(ClassLoader classLoader) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
  }

  /**
   * Reads and checks the definition at {@code resource}, a path inside the plugin ({@code
   * procedure.yaml}, {@code ma/example/procedure.yaml}; a leading {@code /} is ignored).
   *
   * @throws DefinitionException with every problem found, if it is missing or not valid
   */
  @Override
  public ProcedureDefinition load(String resource) {
    Objects.requireNonNull(resource, "resource");
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    YamlTree yaml = new YamlTree(resource);
    Optional<ProcedureDefinition> definition = Optional.empty();
    try (InputStream in = classLoader.getResourceAsStream(path)) {
      if (in == null) {
        yaml.problem(0, "not found among the plugin's resources");
      } else {
        Optional<Node> root = yaml.parse(in);
        if (root.isPresent()) {
          definition = new DefinitionReader(yaml).read(root.get());
        }
      }
    } catch (IOException | UncheckedIOException e) {
      yaml.problem(0, "cannot be read: " + e.getMessage());
    }
    if (definition.isEmpty() || yaml.problemCount() > 0) {
      List<String> problems = yaml.problems();
      throw new DefinitionException(
          problems.isEmpty() ? List.of(resource + ": not a procedure definition") : problems);
    }
    return definition.get();
  }
}
