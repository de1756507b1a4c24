package org.hse.api.errors;

/** One failing field of a 422 answer: {@code {"field": "entity_id", "message": "..."}}. */
public record FieldError(String field, String message) {}
