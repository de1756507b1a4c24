package org.hse.api.boundary;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ForbiddenException;
import org.hse.api.security.Caller;

/**
 * Refuses a boundary call that {@link Needs} a right the caller's role lacks, with a 403 that names
 * the resource: the one place that reads roles for items. Which items of their tenants a caller
 * sees stays with the boundary, which scopes every query.
 */
@Needs(Right.READ)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RoleCheck {

  @AroundInvoke
  Object check(InvocationContext call) throws Exception {
    Right right = call.getMethod().getAnnotation(Needs.class).value();
    V2Store<?> store = (V2Store<?>) call.getTarget();
    require(
        callerOf(call),
        right,
        store.getClass().isAnnotationPresent(WrittenByAdmins.class),
        store.model().type());
    return call.proceed();
  }

  /**
   * Refuses the caller, unless the role has the right: to read, any of the three roles; to write, a
   * writer or an admin, or only an admin.
   */
  static void require(Caller caller, Right right, boolean adminsWrite, String type) {
    if (!caller.canRead()) {
      throw refused(right, type);
    }
    if (right == Right.WRITE && !(adminsWrite ? caller.isAdmin() : caller.canWrite())) {
      throw refused(right, type);
    }
  }

  private static ForbiddenException refused(Right right, String type) {
    return new ForbiddenException(
        "Your role may not " + (right == Right.READ ? "read " : "change ") + type + " items.");
  }

  private static Caller callerOf(InvocationContext call) {
    for (Object parameter : call.getParameters()) {
      if (parameter instanceof Caller caller) {
        return caller;
      }
    }
    throw new IllegalStateException(call.getMethod() + " needs a right but takes no caller");
  }
}
