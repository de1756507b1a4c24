package org.hse.api.persistence;

/**
 * The name of the application's one data source, here at the bottom so that every layer that reads
 * the database with plain JDBC (the token keys and the login throttle, the migrations, the health
 * check) can look it up without depending on the platform that defines it ({@code
 * org.hse.api.platform.DataSourceConfiguration}, or the server's configuration on WildFly). {@code
 * META-INF/persistence.xml} names the same data source for the entities.
 */
public final class DataSourceName {

  /** The JNDI name the data source is defined under and looked up by. */
  public static final String JNDI = "java:app/jdbc/incidents";

  private DataSourceName() {}
}
