package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The history table and the deleted items as {@link BoundaryIT} reads them inside the container:
 * each read on a connection of its own, outside the test's transaction, so that it sees what is
 * committed (and, inside a transaction the test began, what that transaction wrote).
 */
final class HistoryTable {

  /** One row of the history table. */
  record Entry(
      String resource,
      String id,
      long version,
      String operation,
      String by,
      String tenant,
      long seq,
      Object feed,
      JsonObject item) {}

  private final DataSource dataSource;

  HistoryTable(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The entries of one item, in the order of its versions. */
  List<Entry> entries(String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT resource, item_id, version, operation, by_upn, project_id, seq, feed, item"
                    + " FROM history WHERE item_id = ? ORDER BY version")) {
      query.setString(1, id);
      List<Entry> entries = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          entries.add(
              new Entry(
                  row.getString(1),
                  row.getString(2),
                  row.getLong(3),
                  row.getString(4),
                  row.getString(5),
                  row.getString(6),
                  row.getLong(7),
                  row.getObject(8),
                  Json.createReader(new StringReader(row.getString(9))).readObject()));
        }
      }
      return entries;
    }
  }

  /** The highest sequence number of the history. */
  long maxSeq() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT MAX(seq) FROM history");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The columns of the one row a query with one parameter answers, as text. */
  List<String> row(String sql, String parameter) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), sql);
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
          columns.add(String.valueOf(row.getObject(i)));
        }
        return columns;
      }
    }
  }

  /** The single number a query with one parameter answers. */
  long count(String sql, String parameter) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
