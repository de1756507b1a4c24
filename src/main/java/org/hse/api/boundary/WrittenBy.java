package org.hse.api.boundary;

import org.hse.api.security.Caller;

/** Who may {@link Right#WRITE} a resource's items: every feature's {@link ItemRules} names it. */
public enum WrittenBy {
  /** A writer or an admin: incidents, actions and the links between them. */
  WRITERS,
  /** An admin alone: projects and offices. */
  ADMINS;

  /** Whether the caller's role may write these items. */
  public boolean includes(Caller caller) {
    return this == ADMINS ? caller.isAdmin() : caller.canWrite();
  }
}
