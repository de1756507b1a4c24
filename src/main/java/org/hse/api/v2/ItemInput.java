package org.hse.api.v2;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writable fields of a create or update body, converted to their Java values. Read-only fields
 * are dropped; unknown keys and values that do not fit are recorded as field errors.
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
          input.values.put(field, Values.fromJson(field, entry.getValue()));
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
