package org.hse.api.platform;

import java.util.List;
import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.hse.api.model.ResourceModel;
import org.hse.api.query.DeletedItems;

/**
 * Migration 7.1: writes the rows of the items deleted before {@code V7} created the tables of
 * deleted items, from the history's delete entries ({@link DeletedItems#backfill}). It is Java
 * because the items are JSON there, which H2 cannot read in SQL. Flyway runs it in its own
 * transaction and records it in the same one, so a start that dies half-way leaves it pending and
 * the next start writes every row; it writes only rows that are missing, so a second run writes
 * none.
 */
public final class DeletedItemsFromHistory implements JavaMigration {

  private static final Logger LOG = Logger.getLogger(DeletedItemsFromHistory.class.getName());

  private final List<ResourceModel<?>> models;

  /**
   * @param models the resources whose deleted items to write (the data generator, which writes its
   *     own, gives none)
   */
  public DeletedItemsFromHistory(List<ResourceModel<?>> models) {
    this.models = models;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("7.1");
  }

  @Override
  public String getDescription() {
    return "deleted items from the history";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    int written = DeletedItems.backfill(context.getConnection(), models);
    LOG.info(() -> "Deleted items written from the history: " + written);
  }
}
