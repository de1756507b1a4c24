package org.hse.api.query;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.ResourceModels;

/**
 * Items written without the boundary, such as the demo company ({@code
 * org.hse.api.platform.DemoData}), persisted as entities at start-up.
 */
public final class LoadedItems {

  private LoadedItems() {}

  /**
   * Writes, in the current transaction, the create entry of every item of a tenant, as {@code
   * ItemStore} writes one for an item created through the API, so that its history and the change
   * feed begin with its creation like every other item's: the tenant first, then its dependents,
   * parents before children.
   *
   * @param by the name the entries give as their author, in place of a caller's {@code upn}
   */
  public static void recordCreated(
      EntityManager em, ResourceModels models, String tenant, String by) {
    em.flush();
    HistoryLog history = new HistoryLog(em, by);
    for (ResourceModel<?> model : parentsFirst(models)) {
      // read in the order of the ids, never a search order: whether a field can be missing is moot
      IndexQuery<?> items = new IndexQuery<>(em, model, field -> true);
      history.addEvery(
          TenantScope.EVERY_TENANT,
          items,
          model,
          model.tenantKeyPath(),
          tenant,
          HistoryLog.Operation.CREATE,
          tenant);
    }
    history.write();
  }

  private static List<ResourceModel<?>> parentsFirst(ResourceModels models) {
    ResourceModel<?> tenants =
        models.all().stream().filter(ResourceModel::isTenant).findFirst().orElseThrow();
    List<ResourceModel<?>> order = new ArrayList<>(models.dependentsOf(tenants.type()));
    Collections.reverse(order);
    order.add(0, tenants);
    return order;
  }
}
