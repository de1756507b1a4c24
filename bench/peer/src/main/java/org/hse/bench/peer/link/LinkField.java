package org.hse.bench.peer.link;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of a link that a search filters and sorts on, each with where JPQL reads it: the
 * link's own columns ({@code l}), or the joined incident ({@code i}), action ({@code a}), office
 * ({@code o}) and project ({@code p}). A reference's id is read from the link's own foreign key, so
 * filtering on it joins nothing.
 */
public enum LinkField {
  OFFICE_INCIDENT_ACTION_ID("office_incident_action_id", null, "l.id", Kind.UUID, false),
  OFFICE_INCIDENT_ID("office_incident_id", null, "l.incident.id", Kind.UUID, false),
  ENTITY_TYPE("entity_type", null, "l.entityType", Kind.EXACT, false),
  ENTITY_ID("entity_id", null, "l.action.id", Kind.UUID, false),
  DESCRIPTION("description", null, "l.description", Kind.TEXT, false),
  SUBTENANT_ID("subtenant_id", null, "l.office.id", Kind.UUID, false),
  TENANT_ID("tenant_id", null, "l.project.id", Kind.UUID, false),
  ACTION_CODE("action_code", "a", "a.code", Kind.TEXT, true),
  ACTION_NAME("action_name", "a", "a.name", Kind.TEXT, true),
  ACTION_TYPE("action_type", "a", "a.actionType", Kind.EXACT, true),
  INCIDENT_CODE("incident_code", "i", "i.code", Kind.TEXT, true),
  INCIDENT_NAME("incident_name", "i", "i.name", Kind.TEXT, true),
  INCIDENT_DATE("incident_date", "i", "i.dateIncident", Kind.DATE, true),
  INCIDENT_CATEGORY("incident_category", "i", "i.category", Kind.EXACT, false),
  INCIDENT_STATUS("incident_status", "i", "i.status", Kind.EXACT, false),
  PROJECT_NAME("project_name", "p", "p.name", Kind.TEXT, true),
  PROJECT_TYPE("project_type", "p", "p.projectType", Kind.EXACT, false),
  OFFICE_NAME("office_name", "o", "o.name", Kind.TEXT, true),
  CREATED_AT("created_at", null, "l.createdAt", Kind.TIMESTAMP, true),
  UPDATED_AT("updated_at", null, "l.updatedAt", Kind.TIMESTAMP, true);

  /**
   * How a field matches a filter value: ids, enums, dates and timestamps exactly, free text as a
   * substring ignoring case (and it sorts ignoring case too).
   */
  enum Kind {
    UUID,
    EXACT,
    TEXT,
    DATE,
    TIMESTAMP
  }

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final String apiName;
  private final String join;
  private final String path;
  private final Kind kind;
  private final boolean sortable;

  LinkField(String apiName, String join, String path, Kind kind, boolean sortable) {
    this.apiName = apiName;
    this.join = join;
    this.path = path;
    this.kind = kind;
    this.sortable = sortable;
  }

  /** The field with this name in the API, if there is one. */
  public static Optional<LinkField> named(String name) {
    for (LinkField field : values()) {
      if (field.apiName.equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  public String apiName() {
    return apiName;
  }

  /** The alias of the joined entity the field is read from; null for the link's own columns. */
  public String join() {
    return join;
  }

  public String path() {
    return path;
  }

  public Kind kind() {
    return kind;
  }

  public boolean sortable() {
    return sortable;
  }

  /** What the ORDER BY sorts on: free text ignoring case, as people read it. */
  String sortExpression() {
    return kind == Kind.TEXT ? "lower(" + path + ")" : path;
  }

  /**
   * The Java value of a filter value given as text.
   *
   * @throws IllegalArgumentException with the message for the client when it does not fit
   */
  Object parse(String text) {
    return switch (kind) {
      case UUID -> {
        if (!isUuid(text)) {
          throw new IllegalArgumentException("must be a UUID");
        }
        yield text.toLowerCase(Locale.ROOT);
      }
      case DATE -> {
        try {
          yield LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("must be a date YYYY-MM-DD");
        }
      }
      case TIMESTAMP -> {
        try {
          yield OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "must be an ISO-8601 timestamp such as 2026-11-29T14:05:00Z");
        }
      }
      case EXACT, TEXT -> text;
    };
  }

  static boolean isUuid(String text) {
    return text != null && UUID_TEXT.matcher(text).matches();
  }
}
