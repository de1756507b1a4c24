package org.hse.api.boundary;

/** What a boundary verb does with a resource's items, and so which roles may call it. */
public enum Right {
  /** Index, view, history and changes: a reader, a writer or an admin. */
  READ,
  /**
   * Create, update, delete and the delete preview: whom the resource's {@link ItemRules#writtenBy}
   * names.
   */
  WRITE
}
