package ma.rokhsa.infrastructure.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Function;
import ma.rokhsa.plugin.api.PluginContext;
import ma.rokhsa.plugin.api.signature.SignatureProvider;
import org.pf4j.DefaultExtensionFactory;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginRuntimeException;

/**
 * Makes a plugin's extensions, handing the platform's {@link PluginContext} to those that declare a
 * public constructor taking it — each plugin its own context (its data directory, its settings) —;
 * the others are made by their no-argument constructor, as PF4J does. An extension whose
 * constructor throws is skipped by PF4J (logged), as before.
 *
 * <p>PF4J makes a new instance at every look-up; a {@link SignatureProvider} is made once per
 * loaded class instead, because it holds state across calls (a token's login and its one session at
 * a time, the locks of a soft token's key stores). The instance lives with its class: a plugin
 * unloaded or upgraded takes it away ({@link ClassValue} keeps nothing once the class loader goes).
 */
final class PluginExtensionFactory implements ExtensionFactory {

  private final Function<Class<?>, PluginContext> contexts;
  private final ExtensionFactory plain = new DefaultExtensionFactory();

  private final ClassValue<Object> singletons =
      new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> extensionClass) {
          return make(extensionClass);
        }
      };

  /** One context for every extension. */
  PluginExtensionFactory(PluginContext context) {
    this(extensionClass -> context);
  }

  /**
   * @param contexts the context of the plugin an extension class belongs to
   */
  PluginExtensionFactory(Function<Class<?>, PluginContext> contexts) {
    this.contexts = contexts;
  }

  @Override
  public <T> T create(Class<T> extensionClass) {
    if (SignatureProvider.class.isAssignableFrom(extensionClass)) {
      return extensionClass.cast(singletons.get(extensionClass));
    }
    return make(extensionClass);
  }

  private <T> T make(Class<T> extensionClass) {
    Constructor<T> withContext;
    try {
      withContext = extensionClass.getConstructor(PluginContext.class);
    } catch (NoSuchMethodException e) {
      return plain.create(extensionClass);
    }
    try {
      return withContext.newInstance(contexts.apply(extensionClass));
    } catch (InvocationTargetException e) {
      throw new PluginRuntimeException(
          e.getCause(), "Extension {} could not be made", extensionClass.getName());
    } catch (ReflectiveOperationException e) {
      throw new PluginRuntimeException(
          e, "Extension {} could not be made", extensionClass.getName());
    }
  }
}
