package ma.rokhsa.interfaces.rest;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import ma.rokhsa.infrastructure.config.BuildInfo;
import ma.rokhsa.infrastructure.config.RokhsaSettings;
import ma.rokhsa.interfaces.rest.dossier.DossierRepresentations.ComplementItem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Completes the generated OpenAPI document with what annotations cannot hold: the build's version
 * and the public address of this installation; and what Payara's generator loses: the element type
 * of a list property that carries its own {@code @Schema} (published as an array of arrays).
 * Registered with {@code mp.openapi.filter}.
 */
public class OpenApiDocumentFilter implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    openApi.getInfo().setVersion(new BuildInfo().version());
    String publicUrl = RokhsaSettings.current().publicUrl().toString();
    openApi.setServers(
        List.of(
            OASFactory.createServer()
                .url(publicUrl.substring(0, publicUrl.length() - 1))
                .description("This installation")));
    listOf(openApi, "ActionRequest", "items", ComplementItem.class);
  }

  /**
   * Makes {@code schema.property} an array of the named schema of {@code element} (described by the
   * {@code @Schema} annotations of that class and its public fields, added to the components if the
   * generator left it out).
   */
  private static void listOf(OpenAPI openApi, String schema, String property, Class<?> element) {
    Components components = openApi.getComponents();
    if (components == null || components.getSchemas() == null) {
      return;
    }
    Schema owner = components.getSchemas().get(schema);
    if (owner == null || owner.getProperties() == null) {
      return;
    }
    Schema list = owner.getProperties().get(property);
    if (list == null) {
      return;
    }
    var described =
        element.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    String name = described.name();
    if (!components.getSchemas().containsKey(name)) {
      components.addSchema(name, describe(described, element));
    }
    list.setType(Schema.SchemaType.ARRAY);
    list.setItems(OASFactory.createSchema().ref("#/components/schemas/" + name));
  }

  private static Schema describe(
      org.eclipse.microprofile.openapi.annotations.media.Schema described, Class<?> type) {
    Schema schema =
        OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .description(described.description());
    for (Field field : type.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
        continue;
      }
      var about =
          field.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
      Schema property = OASFactory.createSchema().type(Schema.SchemaType.STRING);
      if (about != null) {
        property.description(about.description());
        if (!about.example().isEmpty()) {
          property.example(about.example());
        }
        if (about.required()) {
          schema.addRequired(field.getName());
        }
      }
      schema.addProperty(field.getName(), property);
    }
    return schema;
  }
}
