package org.hse.api.v2;

/** What a client may do with a field in a create or an update. */
public enum Access {
  /** The item's id: may be supplied on create, never changed. */
  KEY,
  /** Must be given on create; may be changed. */
  REQUIRED,
  /** Must be given on create; an update may repeat it but not change it. */
  REQUIRED_FIXED,
  /** May be given on create or update. */
  OPTIONAL,
  /** Computed or joined by the server: ignored when a client sends it. */
  READ_ONLY;

  public boolean writable() {
    return this != READ_ONLY;
  }

  public boolean required() {
    return this == REQUIRED || this == REQUIRED_FIXED;
  }
}
