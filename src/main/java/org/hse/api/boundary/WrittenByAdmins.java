package org.hse.api.boundary;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** On a boundary: only an admin may {@link Right#WRITE} its items, not a writer. */
@Inherited
@Retention(RUNTIME)
@Target(TYPE)
public @interface WrittenByAdmins {}
