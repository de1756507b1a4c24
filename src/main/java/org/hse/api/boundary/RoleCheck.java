package org.hse.api.boundary;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ForbiddenException;
import org.hse.api.security.Caller;

/**
 * Refuses an {@link Items} verb that {@link Needs} a right the caller's role lacks, with a 403 that
 * names the resource, before the verb runs: the one place that reads roles for items. Who may write
 * is the verb's {@link ItemRules#writtenBy}. Which items of their tenants a caller sees stays with
 * the boundary, which scopes every query.
 */
@Needs(Right.READ)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RoleCheck {

  @AroundInvoke
  Object check(InvocationContext call) throws Exception {
    Right right = call.getMethod().getAnnotation(Needs.class).value();
    ItemRules<?> rules = parameter(call, ItemRules.class);
    require(parameter(call, Caller.class), right, rules.writtenBy(), rules.model().type());
    return call.proceed();
  }

  /**
   * Refuses the caller, unless the role has the right: to read, any of the three roles; to write,
   * the roles {@code writtenBy} names.
   */
  static void require(Caller caller, Right right, WrittenBy writtenBy, String type) {
    if (!caller.canRead() || (right == Right.WRITE && !writtenBy.includes(caller))) {
      throw new ForbiddenException(
          "Your role may not " + (right == Right.READ ? "read " : "change ") + type + " items.");
    }
  }

  private static <T> T parameter(InvocationContext call, Class<T> type) {
    for (Object parameter : call.getParameters()) {
      if (type.isInstance(parameter)) {
        return type.cast(parameter);
      }
    }
    throw new IllegalStateException(call.getMethod() + " needs a right but takes no " + type);
  }
}
