package org.hse.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import org.hse.api.items.ItemVerbs;
import org.hse.api.security.Caller;

/**
 * Calls a feature's boundary from an in-container test as the container's admin, so that its
 * {@code @RolesAllowed} lets every verb through and the {@link Caller} argument alone decides the
 * tenant scope; roles are tested on the wire. No transaction of its own: a test's transaction, when
 * it began one, goes on to the boundary, and otherwise each boundary verb begins and ends its own,
 * as when a resource calls it.
 */
@Stateless
@RunAs(Caller.ADMIN)
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RunAsAdmin {

  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }

  /** The boundary, every verb of which is called through {@link #call}. */
  @SuppressWarnings("unchecked")
  public static <V extends ItemVerbs<?>> V verbs(RunAsAdmin runAs, V boundary) {
    return (V)
        Proxy.newProxyInstance(
            ItemVerbs.class.getClassLoader(),
            new Class<?>[] {ItemVerbs.class},
            (proxy, method, args) ->
                runAs.call(
                    () -> {
                      try {
                        return method.invoke(boundary, args);
                      } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof Exception cause) {
                          throw cause;
                        }
                        throw e;
                      }
                    }));
  }
}
