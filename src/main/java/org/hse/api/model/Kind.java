package org.hse.api.model;

/** How a field's value is written, parsed and matched in a filter. */
public enum Kind {
  /** A UUID; matched exactly. */
  UUID,
  /** Free text; matched case-insensitively on a substring. */
  TEXT,
  /** One of a fixed set of names; matched exactly. */
  ENUM,
  /** A calendar date {@code YYYY-MM-DD}; matched exactly. */
  DATE,
  /** An ISO-8601 UTC timestamp; matched exactly. */
  TIMESTAMP,
  /** A whole number of at least 0, a JSON number; matched exactly. */
  INTEGER,
  /**
   * A string that must hold a JSON document, answered as the same string; matched
   * case-insensitively on a substring, as free text.
   */
  JSON;

  public boolean substringMatch() {
    return this == TEXT || this == JSON;
  }
}
