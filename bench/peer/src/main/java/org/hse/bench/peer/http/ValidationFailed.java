package org.hse.bench.peer.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that fails validation: a 422 listing every failing field at once ({@link
 * ErrorMappers}). {@link Collector} gathers them, the first message per field.
 */
public class ValidationFailed extends RuntimeException {

  private final transient List<FieldError> errors;

  public ValidationFailed(List<FieldError> errors) {
    super("validation failed: " + errors, null, false, false);
    this.errors = List.copyOf(errors);
  }

  public ValidationFailed(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** Collects the failing fields of one request, then throws them together. */
  public static final class Collector {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public void add(String field, String message) {
      byField.putIfAbsent(field, message);
    }

    public boolean has(String field) {
      return byField.containsKey(field);
    }

    public void throwIfAny() {
      if (!byField.isEmpty()) {
        List<FieldError> errors = new ArrayList<>();
        byField.forEach((field, message) -> errors.add(new FieldError(field, message)));
        throw new ValidationFailed(errors);
      }
    }
  }
}
