package org.hse.api.query;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hse.api.model.ResourceModel;

/**
 * Checks that the tables of deleted items ({@link DeletedItems}) still mirror the field tables, so
 * that a field added to a model without a column in its {@code deleted_<resource>} table stops the
 * start, naming the table and the column, instead of failing every delete of that resource later (a
 * failed insert, answered as a conflict). Called once the schema is migrated.
 *
 * <p>A table matches when it has one column for each column {@link DeletedItems} writes (each
 * field, named as the API names it, then {@code deleted_at} and {@code deleted_by}), compared
 * without regard to case, since H2 reports unquoted names upper-cased and PostgreSQL lower-cased.
 *
 * <p>A column that no field names is an error only when an insert must give it a value (NOT NULL,
 * no default, not generated): then every delete of that resource would fail, which is what this
 * check is for. A nullable one is left alone: the insert names its columns, so the column is left
 * null and nothing reads it; it is what a field retired from a model leaves behind, and demanding
 * its drop would make that migration throw away the retired field's values of the items deleted so
 * far, which their history entries hold anyway, for no safety gained. A renamed field without a
 * migration shows as its new name missing.
 *
 * <p>Types and sizes are not compared: a value too long for its column fails only that insert.
 */
public final class DeletedItemTables {

  private DeletedItemTables() {}

  /**
   * A column as the database reports it.
   *
   * @param name the name, in the case the database stores it
   * @param required whether an insert must give it a value: NOT NULL, without a default and not
   *     generated
   */
  public record Column(String name, boolean required) {}

  /**
   * How one table of deleted items differs from what its resource writes.
   *
   * @param table e.g. {@code deleted_incident_action}
   * @param exists whether the database has the table at all
   * @param missing the columns written but not found, named as the fields
   * @param extra the columns no field names that an insert must give, as the database names them
   */
  public record Mismatch(String table, boolean exists, List<String> missing, List<String> extra) {

    /** E.g. {@code deleted_office lacks the columns region, vat}. */
    public String describe() {
      if (!exists) {
        return table + " does not exist";
      }
      List<String> parts = new ArrayList<>();
      if (!missing.isEmpty()) {
        parts.add("lacks the column" + plural(missing));
      }
      if (!extra.isEmpty()) {
        parts.add("has the NOT NULL column" + plural(extra) + " that no field fills");
      }
      return table + " " + String.join(" and ", parts);
    }

    private static String plural(List<String> columns) {
      return (columns.size() == 1 ? " " : "s ") + String.join(", ", columns);
    }
  }

  /**
   * Stops the start if a table of deleted items does not match its resource.
   *
   * @throws IllegalStateException naming every table that does not match, and how
   */
  public static void check(Connection connection, List<ResourceModel<?>> models)
      throws SQLException {
    List<Mismatch> mismatches = new ArrayList<>();
    for (ResourceModel<?> model : models) {
      String table = DeletedItems.table(model);
      mismatch(table, DeletedItems.columns(model), columns(connection, table))
          .ifPresent(mismatches::add);
    }
    if (!mismatches.isEmpty()) {
      throw new IllegalStateException(message(mismatches));
    }
  }

  /**
   * How a resource's table of deleted items differs from what {@link DeletedItems} writes to it.
   *
   * @param found the table's columns, as {@link #columns(Connection, String)} reads them
   * @return empty when it matches
   */
  public static Optional<Mismatch> mismatch(ResourceModel<?> model, List<Column> found) {
    return mismatch(DeletedItems.table(model), DeletedItems.columns(model), found);
  }

  static Optional<Mismatch> mismatch(String table, List<String> written, List<Column> found) {
    if (found.isEmpty()) {
      return Optional.of(new Mismatch(table, false, written, List.of()));
    }
    Set<String> unmatched =
        written.stream()
            .map(DeletedItemTables::folded)
            .collect(Collectors.toCollection(HashSet::new));
    List<String> extra = new ArrayList<>();
    for (Column column : found) {
      if (!unmatched.remove(folded(column.name())) && column.required()) {
        extra.add(column.name());
      }
    }
    List<String> missing =
        written.stream().filter(name -> unmatched.contains(folded(name))).toList();
    return missing.isEmpty() && extra.isEmpty()
        ? Optional.empty()
        : Optional.of(new Mismatch(table, true, missing, List.copyOf(extra)));
  }

  /** The message a start stops with: every table that does not match, and what to do. */
  static String message(List<Mismatch> mismatches) {
    return "The tables of deleted items do not match the resources' fields: "
        + mismatches.stream().map(Mismatch::describe).collect(Collectors.joining("; "))
        + ". Each deleted_<resource> table needs one column per field, named as the API names it,"
        + " plus deleted_at and deleted_by: a new Flyway migration must make them so.";
  }

  /**
   * The columns of a table in the connection's current schema, in their order; none if there is no
   * such table. The name is looked up as the database stores unquoted names (H2 upper-cases them,
   * PostgreSQL lower-cases them), with the {@code _} of {@code deleted_} taken literally rather
   * than as the metadata's one-character wildcard.
   */
  public static List<Column> columns(Connection connection, String table) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    String escape = metadata.getSearchStringEscape();
    String schema = connection.getSchema();
    List<Column> columns = new ArrayList<>();
    try (ResultSet found =
        metadata.getColumns(
            connection.getCatalog(),
            schema == null ? null : literal(schema, escape),
            literal(stored(metadata, table), escape),
            "%")) {
      while (found.next()) {
        columns.add(
            new Column(
                found.getString("COLUMN_NAME"),
                "NO".equals(found.getString("IS_NULLABLE"))
                    && found.getString("COLUMN_DEF") == null
                    && !"YES".equals(found.getString("IS_AUTOINCREMENT"))
                    && !"YES".equals(found.getString("IS_GENERATEDCOLUMN"))));
      }
    }
    return columns;
  }

  private static String stored(DatabaseMetaData metadata, String name) throws SQLException {
    if (metadata.storesUpperCaseIdentifiers()) {
      return name.toUpperCase(Locale.ROOT);
    }
    return metadata.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
  }

  private static String literal(String name, String escape) {
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }

  private static String folded(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
