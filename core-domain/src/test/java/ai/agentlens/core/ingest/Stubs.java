package ai.agentlens.core.ingest;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/** Port stubs for the worker's tests: one handler answers every abstract method by name. */
final class Stubs {

  /** Answers a call of an abstract method. */
  interface Handler {
    Object handle(String method, Object[] args);
  }

  private Stubs() {}

  /** A proxy of the port whose default methods run as written and the rest go to the handler. */
  static <T> T stub(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
              }
              return handler.handle(method.getName(), args == null ? new Object[0] : args);
            }));
  }
}
