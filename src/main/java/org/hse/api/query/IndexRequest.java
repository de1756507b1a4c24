package org.hse.api.query;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hse.api.model.Codec;
import org.hse.api.model.Field;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Values;
import org.hse.api.persistence.Audited;

/**
 * A search as a client asked for it, checked against the resource's fields: the filter (each field
 * with the values any of which matches), the page, the page size, the sort order, and whether it
 * also finds deleted items ({@code history}).
 */
public record IndexRequest<E extends Audited>(
    Map<Field<E>, List<Object>> filter,
    int page,
    int perPage,
    List<SortKey<E>> sort,
    boolean history) {

  public static final int DEFAULT_PER_PAGE = 100;
  public static final int MAX_PER_PAGE = 1000;
  public static final int MAX_FILTER_VALUES = 1000;

  private static final String FILTER = "filter";
  private static final String PER_PAGE = "per-page";
  private static final String PAGE = "page";
  private static final String SORT = "sort";
  private static final String HISTORY = "history";
  private static final String ACCESS_TOKEN = "access-token";
  private static final Pattern FILTER_PARAM =
      Pattern.compile("^filter\\[([^\\[\\]]+)\\](\\[\\])?$");

  public IndexRequest {
    filter = Map.copyOf(filter);
    sort = List.copyOf(sort);
  }

  /** How many items come before this page; a long, since page × per-page may pass an int. */
  public long offset() {
    return (long) (page - 1) * perPage;
  }

  /**
   * Reads the POST form: a JSON object with {@code filter}, {@code per-page}, {@code page}, {@code
   * sort}, {@code history}.
   */
  public static <E extends Audited> IndexRequest<E> fromJson(
      ResourceModel<E> model, JsonObject body) {
    FieldErrors errors = new FieldErrors();
    Map<Field<E>, List<Object>> filter = new LinkedHashMap<>();
    int perPage = DEFAULT_PER_PAGE;
    int page = 1;
    List<SortKey<E>> sort = List.of();
    boolean history = false;
    for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
      JsonValue value = entry.getValue();
      switch (entry.getKey()) {
        case FILTER -> readFilter(model, value, filter, errors);
        case PER_PAGE -> perPage = integer(value, PER_PAGE, 1, MAX_PER_PAGE, errors, perPage);
        case PAGE -> page = integer(value, PAGE, 1, Integer.MAX_VALUE, errors, page);
        case SORT -> {
          if (value.getValueType() == JsonValue.ValueType.STRING) {
            sort = sortKeys(model, ((jakarta.json.JsonString) value).getString(), errors);
          } else if (value.getValueType() != JsonValue.ValueType.NULL) {
            errors.add(SORT, "must be a string of field names separated by commas");
          }
        }
        case HISTORY -> {
          if (value.getValueType() == JsonValue.ValueType.TRUE) {
            history = true;
          } else if (value.getValueType() != JsonValue.ValueType.FALSE
              && value.getValueType() != JsonValue.ValueType.NULL) {
            errors.add(HISTORY, "must be a boolean");
          }
        }
        default -> errors.add(entry.getKey(), "is not a search parameter");
      }
    }
    errors.throwIfAny();
    return new IndexRequest<>(filter, page, perPage, sort, history);
  }

  /**
   * Reads the GET form: {@code filter[x]=...} (repeated: any of these), {@code per-page}, {@code
   * page}, {@code sort}, {@code history}.
   */
  public static <E extends Audited> IndexRequest<E> fromQuery(
      ResourceModel<E> model, MultivaluedMap<String, String> query) {
    FieldErrors errors = new FieldErrors();
    Map<Field<E>, List<Object>> filter = new LinkedHashMap<>();
    int perPage = DEFAULT_PER_PAGE;
    int page = 1;
    List<SortKey<E>> sort = List.of();
    boolean history = false;
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      String name = entry.getKey();
      List<String> values = entry.getValue();
      Matcher filterParam = FILTER_PARAM.matcher(name);
      if (filterParam.matches()) {
        String fieldName = filterParam.group(1);
        readFilterValues(model, fieldName, values, Values::filterFromText, filter, errors);
        continue;
      }
      String single = values.isEmpty() ? "" : values.get(values.size() - 1);
      switch (name) {
        case PER_PAGE -> perPage = integer(single, PER_PAGE, 1, MAX_PER_PAGE, errors, perPage);
        case PAGE -> page = integer(single, PAGE, 1, Integer.MAX_VALUE, errors, page);
        case SORT -> sort = sortKeys(model, single, errors);
        case HISTORY -> {
          if (List.of("true", "1").contains(single)) {
            history = true;
          } else if (!List.of("false", "0", "").contains(single)) {
            errors.add(HISTORY, "must be a boolean");
          }
        }
        case ACCESS_TOKEN -> {
          // the token is the authentication mechanism's business, not a search parameter
        }
        default -> errors.add(name, "is not a search parameter");
      }
    }
    errors.throwIfAny();
    return new IndexRequest<>(filter, page, perPage, sort, history);
  }

  /**
   * Reads {@code per-page} and, if {@code pages}, {@code page} alone, for a list that has no filter
   * or sort (an item's history, the change feed): any other parameter but the token is a validation
   * error.
   */
  public static <E extends Audited> IndexRequest<E> pagingFromQuery(
      ResourceModel<E> model, MultivaluedMap<String, String> query, boolean pages) {
    FieldErrors errors = new FieldErrors();
    for (String name : query.keySet()) {
      if (!List.of(PER_PAGE, ACCESS_TOKEN).contains(name) && !(pages && PAGE.equals(name))) {
        errors.add(name, "is not a parameter of this list");
      }
    }
    errors.throwIfAny();
    return fromQuery(model, query);
  }

  private static <E extends Audited> void readFilter(
      ResourceModel<E> model,
      JsonValue value,
      Map<Field<E>, List<Object>> filter,
      FieldErrors errors) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      errors.add(FILTER, "must be an object of field names and values");
      return;
    }
    for (Map.Entry<String, JsonValue> condition : ((JsonObject) value).entrySet()) {
      JsonValue wanted = condition.getValue();
      List<JsonValue> alternatives =
          wanted.getValueType() == JsonValue.ValueType.ARRAY ? (JsonArray) wanted : List.of(wanted);
      readFilterValues(
          model, condition.getKey(), alternatives, Values::filterFromJson, filter, errors);
    }
  }

  /**
   * Adds the values a filter names for one field, each parsed by {@code parse}, to those the filter
   * holds for it already: an item matches any of them.
   */
  private static <E extends Audited, T> void readFilterValues(
      ResourceModel<E> model,
      String fieldName,
      List<T> values,
      BiFunction<Codec<?>, T, Object> parse,
      Map<Field<E>, List<Object>> filter,
      FieldErrors errors) {
    String key = filterKey(fieldName);
    Field<E> field = model.field(fieldName).orElse(null);
    if (field == null) {
      errors.add(key, "is not a field of " + model.type());
      return;
    }
    List<Object> parsed = new ArrayList<>(filter.getOrDefault(field, List.of()));
    if (!fitsAnyOf(parsed.size() + values.size(), key, errors)) {
      return;
    }
    for (T value : values) {
      try {
        parsed.add(parse.apply(field.codec(), value));
      } catch (IllegalArgumentException e) {
        errors.add(key, e.getMessage());
      }
    }
    filter.put(field, parsed);
  }

  private static boolean fitsAnyOf(int count, String key, FieldErrors errors) {
    if (count == 0) {
      errors.add(key, "must name at least one value");
      return false;
    }
    if (count > MAX_FILTER_VALUES) {
      errors.add(key, "may list at most " + MAX_FILTER_VALUES + " values");
      return false;
    }
    return true;
  }

  private static String filterKey(String fieldName) {
    return FILTER + "[" + fieldName + "]";
  }

  private static <E extends Audited> List<SortKey<E>> sortKeys(
      ResourceModel<E> model, String text, FieldErrors errors) {
    List<SortKey<E>> keys = new ArrayList<>();
    if (text.isBlank()) {
      return keys;
    }
    for (String part : text.split(",", -1)) {
      String name = part.strip();
      boolean descending = name.startsWith("-");
      if (descending) {
        name = name.substring(1);
      }
      Field<E> field = model.field(name).filter(Field::sortable).orElse(null);
      if (field == null) {
        errors.add(SORT, "'" + part.strip() + "' is not a sort field of " + model.type());
        return keys;
      }
      keys.add(new SortKey<>(field, descending));
    }
    return keys;
  }

  private static int integer(
      JsonValue value, String name, int min, int max, FieldErrors errors, int fallback) {
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        return inRange(
            number.bigIntegerValueExact().intValueExact(), name, min, max, errors, fallback);
      } catch (ArithmeticException e) {
        // too large for an int: reported below
      }
    }
    errors.add(name, rangeMessage(min, max));
    return fallback;
  }

  private static int integer(
      String text, String name, int min, int max, FieldErrors errors, int fallback) {
    try {
      return inRange(Integer.parseInt(text.strip()), name, min, max, errors, fallback);
    } catch (NumberFormatException e) {
      errors.add(name, rangeMessage(min, max));
      return fallback;
    }
  }

  private static int inRange(
      int value, String name, int min, int max, FieldErrors errors, int fallback) {
    if (value < min || value > max) {
      errors.add(name, rangeMessage(min, max));
      return fallback;
    }
    return value;
  }

  private static String rangeMessage(int min, int max) {
    return max == Integer.MAX_VALUE
        ? "must be an integer of at least " + min
        : "must be an integer from " + min + " to " + max;
  }
}
