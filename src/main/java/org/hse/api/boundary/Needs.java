package org.hse.api.boundary;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The right an {@link Items} verb needs: {@link RoleCheck} refuses a caller whose role lacks it
 * (403) before the verb runs. Not the container's {@code @RolesAllowed}: who may write depends on
 * the resource the verb is called for (an admin alone writes projects and offices), which is the
 * verb's {@link ItemRules} argument, as the caller is.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface Needs {

  @Nonbinding
  Right value();
}
