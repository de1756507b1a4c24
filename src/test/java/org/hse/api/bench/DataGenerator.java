package org.hse.api.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.hse.api.TestMetamodel;
import org.hse.api.action.entity.Action;
import org.hse.api.incident.entity.Incident;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.model.Field;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Values;
import org.hse.api.platform.DeletedItemsFromHistory;
import org.hse.api.platform.MigrationLocations;
import org.hse.api.query.DeletedItems;

/**
 * Fills a database with the benchmark's company, in SQL alone (no API, no entity), so that a
 * million links take minutes: {@code bench/generate} runs it. The database is made empty first
 * (PostgreSQL: dropped and created; H2: its files deleted), the schema comes from the product's own
 * Flyway migrations, and the database is left analysed (and vacuumed on PostgreSQL).
 *
 * <p>The shape: {@value #PROJECTS} projects of {@value #OFFICES_PER_PROJECT} offices; per project
 * {@code links / (5 × projects)} incidents and as many actions; 5 links per incident, each to a
 * different action of the incident's project. Ids are deterministic, so the load scripts can name
 * any item without reading the database: see {@link #id(String, long)}.
 *
 * <p>Besides, one link in {@value #DELETED_EVERY} was deleted: for every such live link, a deleted
 * link of the same incident and action (as if it had been linked, deleted and linked again), with
 * its history (create and delete) and its row among the deleted items, so that searches with {@code
 * history: true} find some. The live items, and so every other scenario's data, are as without.
 */
public final class DataGenerator {

  static final int PROJECTS = 20;
  static final int OFFICES_PER_PROJECT = 10;
  static final int LINKS_PER_INCIDENT = 5;

  /**
   * Id prefixes, one per table: the n-th item's id is {@code <prefix>-0000-4000-8000-<n, 12
   * digits>}.
   */
  static final String PROJECT = "10000000";

  static final String OFFICE = "20000000";
  static final String INCIDENT = "30000000";
  static final String ACTION = "40000000";
  static final String LINK = "50000000";
  static final String DELETED_LINK = "5d000000";

  /** One deleted link per this many live links. */
  static final int DELETED_EVERY = 100;

  static final String DELETED_BY = "bench-writer";

  private final Dialect dialect;
  private final long links;
  private final long perProject;

  enum Dialect {
    POSTGRES("generate_series(1, %d) AS g(n)", "lpad(CAST(%s AS VARCHAR), 12, '0')"),
    H2("SYSTEM_RANGE(1, %d) AS g(n)", "LPAD(CAST(%s AS VARCHAR), 12, '0')");

    final String series;
    final String padded;

    Dialect(String series, String padded) {
      this.series = series;
      this.padded = padded;
    }
  }

  DataGenerator(Dialect dialect, long links) {
    if (links % (PROJECTS * LINKS_PER_INCIDENT) != 0
        || links < 5L * PROJECTS * LINKS_PER_INCIDENT) {
      throw new IllegalArgumentException(
          "links must be a multiple of " + PROJECTS * LINKS_PER_INCIDENT + ", at least 500");
    }
    this.dialect = dialect;
    this.links = links;
    this.perProject = links / (PROJECTS * LINKS_PER_INCIDENT);
  }

  /** The n-th (from 1) item's id with this prefix, as the load scripts compute it too. */
  static String id(String prefix, long n) {
    return String.format(Locale.ROOT, "%s-0000-4000-8000-%012d", prefix, n);
  }

  /**
   * {@code DataGenerator postgres|h2 <links> <jdbc url> [user] [password] [admin url]}: for
   * PostgreSQL the admin URL names the maintenance database through which the target is dropped and
   * created; for H2 the URL is a file database whose files are deleted first.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: DataGenerator postgres|h2 <links> <jdbc url> [user] [password] [admin url]");
      System.exit(2);
    }
    Dialect dialect = Dialect.valueOf(args[0].toUpperCase(Locale.ROOT));
    long links = Long.parseLong(args[1].replace("_", ""));
    String url = args[2];
    String user = args.length > 3 ? args[3] : "sa";
    String password = args.length > 4 ? args[4] : "sa";
    long started = System.nanoTime();
    if (dialect == Dialect.POSTGRES) {
      recreatePostgres(url, args.length > 5 ? args[5] : null, user, password);
    } else {
      deleteH2Files(url);
    }
    // the tables first; the later migrations (indexes, kept counts) then apply to the data, as they
    // would to a database that grew before them
    migrate(dialect, url, user, password, "2");
    try (Connection db = DriverManager.getConnection(url, user, password)) {
      new DataGenerator(dialect, links).fill(db);
    }
    migrate(dialect, url, user, password, "latest");
    try (Connection db = DriverManager.getConnection(url, user, password)) {
      new DataGenerator(dialect, links).deleteSome(db);
    }
    if (dialect == Dialect.POSTGRES) {
      try (Connection db = DriverManager.getConnection(url, user, password);
          Statement sql = db.createStatement()) {
        timed("vacuum analyze", sql, "VACUUM ANALYZE");
      }
    } else {
      try (Connection db = DriverManager.getConnection(url, user, password);
          Statement sql = db.createStatement()) {
        timed("analyze", sql, "ANALYZE");
        // written compactly, as a long-running server would leave it
        timed("compact", sql, "SHUTDOWN COMPACT");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Generated %,d links in %s (%s) in %.1f s%n",
        links,
        url,
        dialect,
        (System.nanoTime() - started) / 1e9);
  }

  private static void migrate(
      Dialect dialect, String url, String user, String password, String target) {
    long started = System.nanoTime();
    Flyway.configure()
        .dataSource(url, user, password)
        .locations(
            MigrationLocations.of(
                dialect == Dialect.POSTGRES ? "PostgreSQL" : "H2",
                "filesystem:src/main/resources/"))
        // the fill writes the deleted items' rows itself: migration 7.1 has none to write here
        .javaMigrations(new DeletedItemsFromHistory(List.of()))
        .target(target)
        .load()
        .migrate();
    System.out.printf(
        Locale.ROOT,
        "  %-15s %6.1f s%n",
        "migrate to " + target,
        (System.nanoTime() - started) / 1e9);
  }

  void fill(Connection db) throws SQLException {
    long incidents = perProject * PROJECTS;
    try (Statement sql = db.createStatement()) {
      if (dialect == Dialect.POSTGRES) {
        // the rows are consistent by construction: skip the per-row foreign key triggers
        sql.execute("SET session_replication_role = replica");
        sql.execute("SET maintenance_work_mem = '256MB'");
      }
      timed(
          "projects",
          sql,
          // the schema of the fill (Flyway target 2) names the column type; V4 renames it
          // project_type
          "INSERT INTO project (project_id, name, type, created_at, updated_at, version)"
              + " SELECT "
              + id(PROJECT, "n")
              + ", 'Company ' || CAST(n AS VARCHAR), 'safety', "
              + at("n")
              + ", "
              + at("n")
              + ", 1 FROM "
              + series(PROJECTS));
      timed(
          "offices",
          sql,
          "INSERT INTO office (office_id, project_id, name, created_at, updated_at, version)"
              + " SELECT "
              + id(OFFICE, "n")
              + ", "
              + id(PROJECT, "(n - 1) / " + OFFICES_PER_PROJECT + " + 1")
              + ", 'Site ' || CAST(n AS VARCHAR), "
              + at("n")
              + ", "
              + at("n")
              + ", 1 FROM "
              + series((long) PROJECTS * OFFICES_PER_PROJECT));
      String project = "((n - 1) / " + perProject + " + 1)";
      String office =
          "(("
              + project
              + " - 1) * "
              + OFFICES_PER_PROJECT
              + " + MOD(n, "
              + OFFICES_PER_PROJECT
              + ") + 1)";
      timed(
          "incidents",
          sql,
          "INSERT INTO incident (office_incident_id, code, name, date_incident, category, status,"
              + " description_event, description_actions_involved, deponent, date_closed,"
              + " office_id, project_id, created_at, updated_at, version) SELECT "
              + id(INCIDENT, "n")
              + ", 'INC-' || CAST(n AS VARCHAR), "
              + pick(
                  "n",
                  "Forklift collision",
                  "Blocked fire exit",
                  "Conveyor failure",
                  "Slip on wet floor",
                  "Chemical spill",
                  "Missing guard rail",
                  "Noise complaint")
              + " || ' ' || CAST(n AS VARCHAR), "
              + date("n")
              + ", "
              + pick("n", Incident.CATEGORIES)
              + ", "
              + pick("n", Incident.STATUSES)
              + ", REPEAT('The operator reported what happened, where and who was there. ', 12)"
              + ", REPEAT('Measures taken on the spot and people involved. ', 8)"
              + ", 'Deponent ' || CAST(MOD(n, 97) AS VARCHAR), NULL, "
              + id(OFFICE, office)
              + ", "
              + id(PROJECT, project)
              + ", "
              + at("n * 150")
              + ", "
              + at("n * 150")
              + ", 1 FROM "
              + series(incidents));
      timed(
          "actions",
          sql,
          "INSERT INTO action (action_id, action_type, code, name, description, office_id,"
              + " project_id, created_at, updated_at, version) SELECT "
              + id(ACTION, "n")
              + ", "
              + pick("n", Action.TYPES)
              + ", 'ACT-' || CAST(n AS VARCHAR), "
              + pick(
                  "n / 5",
                  "Fire drill",
                  "Forklift refresher course",
                  "Brake inspection",
                  "Conveyor belt replacement",
                  "Guard rail repair",
                  "Hearing protection fitting",
                  "Spill kit check",
                  "Floor marking renewal")
              + " || ' ' || CAST(n AS VARCHAR)"
              + ", REPEAT('What is to be done and by when. ', 6), "
              + id(OFFICE, office)
              + ", "
              + id(PROJECT, project)
              + ", "
              + at("n * 150 + 7")
              + ", "
              + at("n * 150 + 7")
              + ", 1 FROM "
              + series(incidents));
      // link n: incident (n - 1) / 5 + 1; its j-th action (j = (n - 1) mod 5) is the incident's
      // local number k shifted by j fifths of the project's actions, so an incident's five actions
      // differ and every action is linked five times
      String incident = "((n - 1) / " + LINKS_PER_INCIDENT + " + 1)";
      String linkProject = "((" + incident + " - 1) / " + perProject + " + 1)";
      String local = "MOD(" + incident + " - 1, " + perProject + ")";
      String shift =
          "MOD(n - 1, " + LINKS_PER_INCIDENT + ") * " + (perProject / LINKS_PER_INCIDENT);
      String action =
          "(("
              + linkProject
              + " - 1) * "
              + perProject
              + " + MOD("
              + local
              + " + "
              + shift
              + ", "
              + perProject
              + ") + 1)";
      String linkOffice =
          "(("
              + linkProject
              + " - 1) * "
              + OFFICES_PER_PROJECT
              + " + MOD("
              + incident
              + ", "
              + OFFICES_PER_PROJECT
              + ") + 1)";
      timed(
          "links",
          sql,
          "INSERT INTO incident_action (office_incident_action_id, office_incident_id, entity_type,"
              + " entity_id, description, office_id, project_id, created_at, updated_at, version)"
              + " SELECT "
              + id(LINK, "n")
              + ", "
              + id(INCIDENT, incident)
              + ", 'ACTION', "
              + id(ACTION, action)
              + ", CASE WHEN MOD(n, 3) = 0 THEN NULL ELSE 'Linked after the review of ' || CAST(n"
              + " AS VARCHAR) END, "
              + id(OFFICE, linkOffice)
              + ", "
              + id(PROJECT, linkProject)
              + ", "
              + at("n * 30 + 100000")
              + ", "
              + at("n * 30 + 100000")
              + ", 1 FROM "
              + series(links));
      if (dialect == Dialect.POSTGRES) {
        sql.execute("SET session_replication_role = DEFAULT");
      }
    }
  }

  /**
   * Writes the deleted links, their history and their rows among the deleted items, reading each as
   * view would have shown it from its live twin's incident, action, office and project.
   */
  void deleteSome(Connection db) throws SQLException {
    long started = System.nanoTime();
    TestMetamodel.populate();
    ResourceModel<?> model = new IncidentActionModel();
    String select =
        "SELECT "
            + id(DELETED_LINK, "n")
            + " AS office_incident_action_id, l.office_incident_id, l.entity_type, l.entity_id,"
            + " 'Linked to the wrong incident' AS description, l.office_id AS subtenant_id,"
            + " l.project_id AS tenant_id, a.code AS action_code, a.name AS action_name,"
            + " a.action_type, i.code AS incident_code, i.name AS incident_name,"
            + " i.date_incident AS incident_date, i.category AS incident_category,"
            + " i.status AS incident_status, p.name AS project_name, p.project_type,"
            + " o.name AS office_name, l.created_at - INTERVAL '15' SECOND AS created_at,"
            + " l.created_at - INTERVAL '15' SECOND AS updated_at,"
            + " l.created_at + INTERVAL '1' HOUR AS deleted_at FROM "
            + series(links / DELETED_EVERY)
            + " JOIN incident_action l ON l.office_incident_action_id = "
            + id(LINK, "n * " + DELETED_EVERY)
            + " JOIN incident i ON i.office_incident_id = l.office_incident_id"
            + " JOIN action a ON a.action_id = l.entity_id"
            + " JOIN office o ON o.office_id = l.office_id"
            + " JOIN project p ON p.project_id = l.project_id";
    String history =
        "INSERT INTO history (resource, item_id, version, operation, changed_at, by_upn,"
            + " project_id, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    db.setAutoCommit(false);
    long written = 0;
    try (Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery(select);
        PreparedStatement entries = db.prepareStatement(history)) {
      DeletedItems deleted = new DeletedItems();
      while (rows.next()) {
        JsonObjectBuilder item = Values.JSON.createObjectBuilder();
        for (Field<?> field : model.fields()) {
          item.add(field.name(), Values.toJson(field.kind(), column(rows, field)));
        }
        JsonObject json = item.build();
        LocalDateTime deletedAt = rows.getObject("deleted_at", LocalDateTime.class);
        String[][] changes = {{"1", "create"}, {"2", "delete"}};
        for (String[] change : changes) {
          entries.setString(1, model.type());
          entries.setString(2, rows.getString("office_incident_action_id"));
          entries.setLong(3, Long.parseLong(change[0]));
          entries.setString(4, change[1]);
          entries.setObject(
              5,
              change[1].equals("create")
                  ? rows.getObject("created_at", LocalDateTime.class)
                  : deletedAt);
          entries.setString(6, DELETED_BY);
          entries.setString(7, rows.getString("tenant_id"));
          entries.setString(8, json.toString());
          entries.addBatch();
        }
        deleted.add(model, json, deletedAt, DELETED_BY);
        if (++written % 1000 == 0) {
          entries.executeBatch();
          deleted.write(db);
        }
      }
      entries.executeBatch();
      deleted.write(db);
    }
    db.commit();
    db.setAutoCommit(true);
    System.out.printf(
        Locale.ROOT, "  %-15s %6.1f s%n", "deleted links", (System.nanoTime() - started) / 1e9);
  }

  /** A field's value from the column named as the field, as the field's kind reads it. */
  private static Object column(ResultSet rows, Field<?> field) throws SQLException {
    return switch (field.kind()) {
      case DATE -> rows.getObject(field.name(), LocalDate.class);
      case TIMESTAMP -> rows.getObject(field.name(), LocalDateTime.class);
      case INTEGER -> rows.getObject(field.name(), Integer.class);
      default -> rows.getString(field.name());
    };
  }

  private String id(String prefix, String n) {
    return "'" + prefix + "-0000-4000-8000-' || " + dialect.padded.formatted(n);
  }

  private String series(long count) {
    return dialect.series.formatted(count);
  }

  /** A timestamp {@code seconds} after the start of 2024. */
  private String at(String seconds) {
    return "TIMESTAMP '2024-01-01 00:00:00' + (" + seconds + ") * INTERVAL '1' SECOND";
  }

  private String date(String n) {
    return "DATE '2020-01-01' + CAST(MOD(" + n + ", 2000) AS INTEGER)";
  }

  private static String pick(String n, List<String> values) {
    return pick(n, values.toArray(String[]::new));
  }

  /** One of the values, by the number modulo their count. */
  private static String pick(String n, String... values) {
    StringBuilder sql = new StringBuilder("CASE MOD(" + n + ", " + values.length + ")");
    for (int i = 0; i < values.length; i++) {
      sql.append(" WHEN ").append(i).append(" THEN '").append(values[i]).append('\'');
    }
    return sql.append(" END").toString();
  }

  private static void timed(String what, Statement sql, String statement) throws SQLException {
    long started = System.nanoTime();
    sql.execute(statement);
    System.out.printf(Locale.ROOT, "  %-15s %6.1f s%n", what, (System.nanoTime() - started) / 1e9);
  }

  private static void recreatePostgres(String url, String adminUrl, String user, String password)
      throws SQLException {
    String database = url.replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
    String admin = adminUrl != null ? adminUrl : url.replaceFirst("/[^/?]+(\\?.*)?$", "/test");
    try (Connection db = DriverManager.getConnection(admin, user, password);
        Statement sql = db.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
      sql.execute("CREATE DATABASE \"" + database + "\"");
    }
  }

  private static void deleteH2Files(String url) throws Exception {
    Path base = Path.of(url.replaceFirst("^jdbc:h2:(file:)?", "").replaceFirst(";.*$", ""));
    Path dir = base.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      return;
    }
    String name = base.getFileName().toString();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().startsWith(name + "."))
              .sorted(Comparator.reverseOrder())
              .toList()) {
        Files.delete(file);
      }
    }
  }
}
