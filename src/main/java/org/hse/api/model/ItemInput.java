package org.hse.api.model;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hse.api.persistence.Audited;

/**
 * The writable fields of a create or update body, converted to their Java values. Read-only fields
 * are dropped whatever their value (a client may send back what it read, or timestamps as Unix
 * seconds); unknown keys, values that do not fit and required text that is empty or only blanks are
 * recorded as field errors.
 */
public final class ItemInput<E extends Audited> {

  private final Map<Field<E>, Object> values = new LinkedHashMap<>();

  private ItemInput() {}

  public static <E extends Audited> ItemInput<E> bind(
      ResourceModel<E> model, JsonObject body, FieldErrors errors) {
    ItemInput<E> input = new ItemInput<>();
    for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
      Field<E> field = model.field(entry.getKey()).orElse(null);
      if (field == null) {
        errors.add(entry.getKey(), "is not a field of " + model.type());
      } else if (field.access().writable()) {
        try {
          Object value = Values.fromJson(field.codec(), entry.getValue());
          if (field.required() && value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException("must not be empty or only blanks");
          }
          input.values.put(field, value);
        } catch (IllegalArgumentException e) {
          errors.add(field.name(), e.getMessage());
        }
      }
    }
    return input;
  }

  public boolean has(Field<E> field) {
    return values.containsKey(field);
  }

  public Object get(Field<E> field) {
    return values.get(field);
  }

  /** The value given for the field with this name, if one was given and it was valid. */
  public Object get(String name) {
    return values.entrySet().stream()
        .filter(entry -> entry.getKey().name().equals(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  public boolean has(String name) {
    return values.keySet().stream().anyMatch(field -> field.name().equals(name));
  }

  public Map<Field<E>, Object> values() {
    return Collections.unmodifiableMap(values);
  }
}
