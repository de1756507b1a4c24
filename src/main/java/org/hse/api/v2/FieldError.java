package org.hse.api.v2;

/** One failing field of a 422 answer: {@code {"field": "entity_id", "message": "..."}}. */
public record FieldError(String field, String message) {}
