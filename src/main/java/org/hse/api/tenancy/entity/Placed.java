package org.hse.api.tenancy.entity;

/** An item that belongs to an office of a project, and stays there. */
public interface Placed {

  Office getOffice();

  Project getProject();

  /** Places the item at an office of a project, the two already checked to match. */
  void placeAt(Office office, Project project);
}
