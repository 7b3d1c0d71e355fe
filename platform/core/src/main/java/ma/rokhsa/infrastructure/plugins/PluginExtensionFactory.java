package ma.rokhsa.infrastructure.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import ma.rokhsa.plugin.api.PluginContext;
import org.pf4j.DefaultExtensionFactory;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginRuntimeException;

/**
 * Makes a plugin's extensions, handing the platform's {@link PluginContext} to those that declare a
 * public constructor taking it; the others are made by their no-argument constructor, as PF4J does.
 * An extension whose constructor throws is skipped by PF4J (logged), as before. Holds no resource.
 */
final class PluginExtensionFactory implements ExtensionFactory {

  private final PluginContext context;
  private final ExtensionFactory plain = new DefaultExtensionFactory();

  PluginExtensionFactory(PluginContext context) {
    this.context = context;
  }

  @Override
  public <T> T create(Class<T> extensionClass) {
    Constructor<T> withContext;
    try {
      withContext = extensionClass.getConstructor(PluginContext.class);
    } catch (NoSuchMethodException e) {
      return plain.create(extensionClass);
    }
    try {
      return withContext.newInstance(context);
    } catch (InvocationTargetException e) {
      throw new PluginRuntimeException(
          e.getCause(), "Extension {} could not be made", extensionClass.getName());
    } catch (ReflectiveOperationException e) {
      throw new PluginRuntimeException(
          e, "Extension {} could not be made", extensionClass.getName());
    }
  }
}
