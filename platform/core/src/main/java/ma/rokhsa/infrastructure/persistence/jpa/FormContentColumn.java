package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import ma.rokhsa.domain.model.dossier.FormContent;

/**
 * A dossier's form values in their column: JSON, written when the dossier is, parsed once when it
 * is loaded. Applied to every {@link FormContent} attribute, so the entity names no converter.
 */
@Converter(autoApply = true)
public class FormContentColumn implements AttributeConverter<FormContent, String> {

  private static final Logger LOG = Logger.getLogger(FormContentColumn.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  public String convertToDatabaseColumn(FormContent content) {
    return JSON.toJson(content == null ? Map.of() : content.asMap());
  }

  @Override
  @SuppressWarnings("unchecked")
  public FormContent convertToEntityAttribute(String json) {
    if (json == null) {
      return FormContent.empty();
    }
    try {
      return FormContent.of(JSON.fromJson(json, LinkedHashMap.class));
    } catch (JsonbException e) {
      LOG.warning("unreadable form values: " + e.getMessage());
      return FormContent.empty();
    }
  }
}
