package org.hse.api.boundary;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The right a boundary method needs: {@link RoleCheck} refuses a caller whose role lacks it (403)
 * before the method runs. It stands on {@link V2Store}'s verbs, which every boundary inherits: the
 * container's {@code @RolesAllowed} cannot vary by boundary there (an admin alone writes projects
 * and offices), and the caller is the method's own parameter.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface Needs {

  @Nonbinding
  Right value();
}
