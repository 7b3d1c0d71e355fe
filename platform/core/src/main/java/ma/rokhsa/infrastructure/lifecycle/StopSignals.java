package ma.rokhsa.infrastructure.lifecycle;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes SIGTERM and SIGINT from the JVM's default handling (which starts the shutdown hooks at
 * once, so Payara undeploys the application under requests still in flight) and hands them to the
 * platform, which drains first and then exits; the shutdown hooks run then.
 *
 * <p>Signals are a JDK-specific facility ({@code sun.misc.Signal} in the {@code jdk.unsupported}
 * module, there since JDK 1.2 and still how the JDK itself handles them). It is reached by
 * reflection so that the build's "no warnings" rule holds, and everything degrades to the JVM's
 * default handling if it is missing. Whoever installs restores: {@link #restore()} puts the
 * previous handlers back (an undeployment without the JVM exiting must not leave the old
 * application's handler behind).
 *
 * <pre>{@code
 * StopSignals signals = StopSignals.install(signalNumber -> drainThenExit(128 + signalNumber));
 * ...
 * signals.restore();
 * }</pre>
 */
final class StopSignals {

  private static final Logger LOG = Logger.getLogger(StopSignals.class.getName());

  private final Map<Object, Object> previous;
  private final Method handle;

  private StopSignals(Map<Object, Object> previous, Method handle) {
    this.previous = previous;
    this.handle = handle;
  }

  /**
   * Hands TERM and INT to {@code onSignal} (given the signal's number), each on the JVM's signal
   * thread with the caller's context class loader; if {@code onSignal} throws, the JVM exits.
   */
  static StopSignals install(IntConsumer onSignal) {
    Map<Object, Object> previous = new LinkedHashMap<>();
    try {
      ClassLoader loader = ClassLoader.getSystemClassLoader();
      Class<?> signalType = Class.forName("sun.misc.Signal", true, loader);
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler", true, loader);
      Constructor<?> named = signalType.getConstructor(String.class);
      Method handle = signalType.getMethod("handle", signalType, handlerType);
      Method number = signalType.getMethod("getNumber");
      // The signal thread has no context class loader; the application's beans need theirs.
      ClassLoader application = Thread.currentThread().getContextClassLoader();
      InvocationHandler handler =
          (proxy, method, args) ->
              switch (method.getName()) {
                case "handle" -> {
                  int signal = (Integer) number.invoke(args[0]);
                  Thread.currentThread().setContextClassLoader(application);
                  try {
                    onSignal.accept(signal);
                  } catch (RuntimeException | Error e) {
                    // Never leave the node deaf to the stop signal.
                    LOG.log(Level.SEVERE, "stopping on signal " + signal + " failed; exiting", e);
                    System.exit(128 + signal);
                  }
                  yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "Rokhsa stop signals";
                default -> throw new UnsupportedOperationException(method.getName());
              };
      Object handlerInstance =
          Proxy.newProxyInstance(
              StopSignals.class.getClassLoader(), new Class<?>[] {handlerType}, handler);
      for (String name : new String[] {"TERM", "INT"}) {
        Object signal = named.newInstance(name);
        previous.put(signal, handle.invoke(null, signal, handlerInstance));
      }
      return new StopSignals(previous, handle);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.log(
          Level.WARNING,
          "stop signals left to the JVM (no draining on SIGTERM): " + e.getMessage(),
          e);
      return new StopSignals(previous, null);
    }
  }

  /** Puts the handlers back as they were before {@link #install}. */
  void restore() {
    if (handle == null) {
      return;
    }
    previous.forEach(
        (signal, handler) -> {
          try {
            handle.invoke(null, signal, handler);
          } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not restore the handler of " + signal, e);
          }
        });
  }
}
