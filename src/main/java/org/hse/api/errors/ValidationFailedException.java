package org.hse.api.errors;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Bad input, field by field: answered 422 with every failing field, and nothing is changed. */
@ApplicationException(rollback = true)
public class ValidationFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  public ValidationFailedException(List<FieldError> errors) {
    super("validation failed: " + errors);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a validation failure names at least one field");
    }
    this.errors = List.copyOf(errors);
  }

  public ValidationFailedException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
