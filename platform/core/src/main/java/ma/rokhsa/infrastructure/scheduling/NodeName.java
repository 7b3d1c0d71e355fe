package ma.rokhsa.infrastructure.scheduling;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This node's name in what nodes record in the shared database (outbox claims, scheduled passes):
 * the JVM's {@code pid@host} and a random suffix, so a node started again after a crash is told
 * apart from its previous run.
 */
public final class NodeName {

  private static final String NAME = make();

  private NodeName() {}

  /** This node's name, at most 100 characters. */
  public static String get() {
    return NAME;
  }

  private static String make() {
    String name = ManagementFactory.getRuntimeMXBean().getName();
    String node = name + "/" + UUID.randomUUID().toString().substring(0, 8);
    return node.length() <= 100 ? node : node.substring(node.length() - 100);
  }
}
