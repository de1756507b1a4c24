package org.hse.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.hse.api.TestMetamodel;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.query.DeletedItemTables.Column;
import org.hse.api.query.DeletedItemTables.Mismatch;
import org.junit.jupiter.api.Test;

class DeletedItemTablesTest {

  static {
    TestMetamodel.populate();
  }

  private final IncidentActionModel model = new IncidentActionModel();

  /**
   * The link table's columns as a database reports them: every column written, nullable, in upper
   * case as H2 names them or in lower case as PostgreSQL does.
   */
  private List<Column> writtenAs(boolean upperCase) {
    return DeletedItems.columns(model).stream()
        .map(name -> new Column(upperCase ? name.toUpperCase(Locale.ROOT) : name, false))
        .toList();
  }

  @Test
  void theColumnsAsH2AndPostgreSqlReportThemMatch() {
    assertEquals(Optional.empty(), DeletedItemTables.mismatch(model, writtenAs(true)));
    assertEquals(Optional.empty(), DeletedItemTables.mismatch(model, writtenAs(false)));
  }

  @Test
  void aMissingColumnIsNamedAsTheField() {
    List<Column> found =
        writtenAs(true).stream().filter(c -> !c.name().equals("INCIDENT_NAME")).toList();
    assertEquals(
        Optional.of(
            new Mismatch("deleted_incident_action", true, List.of("incident_name"), List.of())),
        DeletedItemTables.mismatch(model, found));
  }

  @Test
  void everyMissingColumnIsNamedDeletedAtAndByIncluded() {
    List<Column> found =
        writtenAs(false).stream()
            .filter(c -> !List.of("office_name", "deleted_at", "deleted_by").contains(c.name()))
            .toList();
    assertEquals(
        List.of("office_name", "deleted_at", "deleted_by"),
        DeletedItemTables.mismatch(model, found).orElseThrow().missing());
  }

  @Test
  void aNullableColumnNoFieldNamesIsHarmless() {
    List<Column> found =
        Stream.concat(writtenAs(true).stream(), Stream.of(new Column("RETIRED", false))).toList();
    assertEquals(Optional.empty(), DeletedItemTables.mismatch(model, found));
  }

  @Test
  void aRequiredColumnNoFieldNamesIsNamed() {
    List<Column> found =
        Stream.concat(writtenAs(true).stream(), Stream.of(new Column("LEGACY_CODE", true)))
            .toList();
    assertEquals(
        Optional.of(
            new Mismatch("deleted_incident_action", true, List.of(), List.of("LEGACY_CODE"))),
        DeletedItemTables.mismatch(model, found));
  }

  @Test
  void aSecondColumnOfTheSameNameInAnotherCaseIsNoMatchOfItsOwn() {
    List<Column> found =
        Stream.concat(writtenAs(false).stream(), Stream.of(new Column("TENANT_ID", true))).toList();
    assertEquals(
        List.of("TENANT_ID"), DeletedItemTables.mismatch(model, found).orElseThrow().extra());
  }

  @Test
  void noColumnsMeansNoTable() {
    Mismatch mismatch = DeletedItemTables.mismatch(model, List.of()).orElseThrow();
    assertEquals("deleted_incident_action does not exist", mismatch.describe());
  }

  @Test
  void theMessageNamesEveryTableAndColumn() {
    String message =
        DeletedItemTables.message(
            List.of(
                new Mismatch("deleted_incident_action", true, List.of("incident_name"), List.of()),
                new Mismatch(
                    "deleted_office", true, List.of("region", "vat"), List.of("LEGACY_CODE")),
                new Mismatch("deleted_permit", false, List.of("permit_id"), List.of())));
    assertTrue(
        message.contains(
            "deleted_incident_action lacks the column incident_name;"
                + " deleted_office lacks the columns region, vat"
                + " and has the NOT NULL column LEGACY_CODE that no field fills;"
                + " deleted_permit does not exist."),
        message);
  }
}
