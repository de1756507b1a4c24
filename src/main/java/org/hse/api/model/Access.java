package org.hse.api.model;

/**
 * What a client may do with a field in a create or an update. Whether a create must give it is not
 * declared here but read from the entity ({@link Field#required()}).
 */
public enum Access {
  /** The item's id: may be supplied on create, never changed. */
  KEY,
  /** May be given on create and changed by an update. */
  CHANGEABLE,
  /** Given on create; an update may repeat it but not change it. */
  FIXED,
  /** Computed or joined by the server: ignored when a client sends it. */
  READ_ONLY;

  public boolean writable() {
    return this != READ_ONLY;
  }
}
