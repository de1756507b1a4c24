package org.hse.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import org.hse.api.TestMetamodel;
import org.hse.api.action.control.ActionModel;
import org.hse.api.incident.control.IncidentModel;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.tenancy.control.OfficeModel;
import org.hse.api.tenancy.control.ProjectModel;
import org.junit.jupiter.api.Test;

/**
 * The tenant key that leads a one-tenant caller's order ({@link ResourceModel#tenantKeyPath()}) is
 * an attribute every resource's entity declares: a missing one would fail that caller's searches.
 */
class TenantKeyPathTest {

  @Test
  void everyResourcesTenantKeyIsAnAttributeOfItsEntity() {
    TestMetamodel.populate();
    List<ResourceModel<?>> models =
        List.of(
            new ProjectModel(),
            new OfficeModel(),
            new IncidentModel(),
            new ActionModel(),
            new IncidentActionModel());
    for (ResourceModel<?> model : models) {
      assertTrue(
          declares(model.entityClass(), model.tenantKeyPath()),
          model.type() + ": " + model.entityClass().getSimpleName() + "." + model.tenantKeyPath());
    }
    assertEquals("id", new ProjectModel().tenantKeyPath());
    assertEquals("projectId", new IncidentActionModel().tenantKeyPath());
  }

  private static boolean declares(Class<?> type, String attribute) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.getName().equals(attribute)) {
          return true;
        }
      }
    }
    return false;
  }
}
