package org.hse.api.boundary;

/** What a boundary method does with a resource's items, and so which roles may call it. */
public enum Right {
  /** Index, view, history and changes: a reader, a writer or an admin. */
  READ,
  /**
   * Create, update, delete and the delete preview: a writer or an admin; an admin alone where the
   * boundary is {@link WrittenByAdmins}.
   */
  WRITE
}
