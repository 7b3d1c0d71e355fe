package ma.rokhsa.plugin.api.procedure;

import java.math.BigDecimal;
import java.util.List;
import ma.rokhsa.plugin.api.LocalizedText;

/**
 * A fee, line by line, in dirhams.
 *
 * @param items what is paid for, and how much
 */
public record Fee(List<Item> items) {

  public Fee {
    items = List.copyOf(items);
  }

  public BigDecimal total() {
    return items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * One line of a fee.
   *
   * @param label what it pays for
   * @param amount how much, in dirhams
   */
  public record Item(LocalizedText label, BigDecimal amount) {}
}
