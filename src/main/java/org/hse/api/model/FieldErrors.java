package org.hse.api.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hse.api.errors.FieldError;
import org.hse.api.errors.ValidationFailedException;

/** Collects failing fields, the first message per field, and throws them all at once. */
public final class FieldErrors {

  private final Map<String, String> byField = new LinkedHashMap<>();

  public void add(String field, String message) {
    byField.putIfAbsent(field, message);
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public void throwIfAny() {
    if (!byField.isEmpty()) {
      List<FieldError> errors = new ArrayList<>();
      byField.forEach((field, message) -> errors.add(new FieldError(field, message)));
      throw new ValidationFailedException(errors);
    }
  }
}
