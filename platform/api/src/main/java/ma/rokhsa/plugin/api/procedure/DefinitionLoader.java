package ma.rokhsa.plugin.api.procedure;

/**
 * Reads a procedure definition from a data file of the plugin (YAML, see the plugin guide for its
 * format). Provided by the platform — and by the testkit, so that plugins are tested against the
 * same reader.
 */
public interface DefinitionLoader {

  /**
   * Reads and checks the definition at {@code resource}, a path inside the plugin ({@code
   * procedure.yaml}).
   *
   * @throws DefinitionException naming the resource, line and problem if it is not valid
   */
  ProcedureDefinition load(String resource);
}
