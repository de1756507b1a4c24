package org.hse.bench.peer.http;

/** One failing field of a 422, as the contract lists them: {@code {"field": ..., "message": ...}}. */
public record FieldError(String field, String message) {}
