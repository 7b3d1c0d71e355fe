package ma.rokhsa.domain.model.tenant;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Stores procedure ids (kebab-case, never containing a comma) as one comma-separated column. */
@Converter
public class ProcedureListConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> procedures) {
    return procedures == null ? "" : String.join(",", procedures);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    return Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
