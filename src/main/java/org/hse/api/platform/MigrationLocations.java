package org.hse.api.platform;

/**
 * Where the Flyway migrations of a database live, for {@link Migrations} in the server and for the
 * benchmark's data generator outside it. Not a method of {@link Migrations}: an enterprise bean may
 * have no static method (WildFly warns, {@code WFLYEJB0131}, at every deploy).
 */
public final class MigrationLocations {

  private MigrationLocations() {}

  /**
   * {@code db/migration} for every database, and for PostgreSQL also {@code db/postgresql}, which
   * holds what H2 cannot do (expression indexes), numbered between the common versions (e.g. {@code
   * V2_1}).
   *
   * @param database the JDBC product name, e.g. {@code PostgreSQL} or {@code H2}
   * @param prefix {@code classpath:} in the server, {@code filesystem:src/main/resources/} in tools
   */
  public static String[] of(String database, String prefix) {
    return "PostgreSQL".equals(database)
        ? new String[] {prefix + "db/migration", prefix + "db/postgresql"}
        : new String[] {prefix + "db/migration"};
  }
}
