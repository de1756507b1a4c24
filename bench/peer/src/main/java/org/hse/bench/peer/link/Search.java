package org.hse.bench.peer.link;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hse.bench.peer.http.ValidationFailed;

/**
 * A search as the client asked for it, checked: the filter (each field with the values any of which
 * matches; a null value matches a missing one), the page from 1, the page size from 1 to 1000
 * (default 100) and the sort keys. Both forms of the request, the query string and the JSON body,
 * read into it; a failing parameter is a 422 on it.
 */
public record Search(
    Map<LinkField, List<Object>> filter, int page, int perPage, List<SortKey> sort) {

  public static final int DEFAULT_PER_PAGE = 100;
  public static final int MAX_PER_PAGE = 1000;
  public static final int MAX_FILTER_VALUES = 1000;

  private static final Pattern FILTER_PARAM = Pattern.compile("filter\\[([^\\[\\]]+)\\](\\[\\])?");

  /** One key of the order; the link's id always completes it. */
  public record SortKey(LinkField field, boolean descending) {}

  public Search {
    filter = Map.copyOf(filter);
    sort = List.copyOf(sort);
  }

  /** How many items come before this page. */
  public long offset() {
    return (long) (page - 1) * perPage;
  }

  /** The query-string form: {@code filter[x]=...} (repeated: any of them), paging, sort. */
  public static Search fromQuery(MultivaluedMap<String, String> query) {
    ValidationFailed.Collector errors = new ValidationFailed.Collector();
    Map<LinkField, List<Object>> filter = new LinkedHashMap<>();
    int page = 1;
    int perPage = DEFAULT_PER_PAGE;
    List<SortKey> sort = List.of();
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      String name = parameter.getKey();
      List<String> given = parameter.getValue();
      String last = given.isEmpty() ? "" : given.get(given.size() - 1);
      Matcher filterName = FILTER_PARAM.matcher(name);
      if (filterName.matches()) {
        addFilter(filterName.group(1), given, filter, errors);
        continue;
      }
      switch (name) {
        case "page" -> page = integer("page", last, 1, Integer.MAX_VALUE, page, errors);
        case "per-page" -> perPage = integer("per-page", last, 1, MAX_PER_PAGE, perPage, errors);
        case "sort" -> sort = sortKeys(last, errors);
        case "history" -> {
          if (!List.of("false", "0", "").contains(last)) {
            errors.add("history", "is not supported: this service keeps no history");
          }
        }
        default -> errors.add(name, "is not a search parameter");
      }
    }
    errors.throwIfAny();
    return new Search(filter, page, perPage, sort);
  }

  /** The JSON form; an empty body searches everything. */
  public static Search fromBody(SearchRequest body) {
    if (body == null) {
      return new Search(Map.of(), 1, DEFAULT_PER_PAGE, List.of());
    }
    ValidationFailed.Collector errors = new ValidationFailed.Collector();
    Map<LinkField, List<Object>> filter = new LinkedHashMap<>();
    if (body.filter() != null) {
      body.filter()
          .forEach(
              (name, value) -> {
                List<?> values =
                    value instanceof Collection<?> list ? new ArrayList<>(list) : listOf(value);
                addFilter(name, values, filter, errors);
              });
    }
    int page = body.page() == null ? 1 : range("page", body.page(), 1, Integer.MAX_VALUE, errors);
    int perPage =
        body.perPage() == null
            ? DEFAULT_PER_PAGE
            : range("per-page", body.perPage(), 1, MAX_PER_PAGE, errors);
    List<SortKey> sort = body.sort() == null ? List.of() : sortKeys(body.sort(), errors);
    if (Boolean.TRUE.equals(body.history())) {
      errors.add("history", "is not supported: this service keeps no history");
    }
    errors.throwIfAny();
    return new Search(filter, page, perPage, sort);
  }

  /** A single value as a list; {@code List.of} takes no null, which means "no value" here. */
  private static List<Object> listOf(Object value) {
    List<Object> one = new ArrayList<>(1);
    one.add(value);
    return one;
  }

  private static void addFilter(
      String name,
      List<?> values,
      Map<LinkField, List<Object>> filter,
      ValidationFailed.Collector errors) {
    String key = "filter[" + name + "]";
    LinkField field = LinkField.named(name).orElse(null);
    if (field == null) {
      errors.add(key, "is not a field of incident-action");
      return;
    }
    if (values.isEmpty() || values.size() > MAX_FILTER_VALUES) {
      errors.add(key, "must name from 1 to " + MAX_FILTER_VALUES + " values");
      return;
    }
    List<Object> parsed = new ArrayList<>();
    for (Object value : values) {
      try {
        parsed.add(value == null ? null : field.parse(String.valueOf(value)));
      } catch (IllegalArgumentException e) {
        errors.add(key, e.getMessage());
      }
    }
    filter.put(field, parsed);
  }

  private static List<SortKey> sortKeys(String text, ValidationFailed.Collector errors) {
    List<SortKey> keys = new ArrayList<>();
    if (text.isBlank()) {
      return keys;
    }
    for (String part : text.split(",", -1)) {
      String name = part.strip();
      boolean descending = name.startsWith("-");
      LinkField field =
          LinkField.named(descending ? name.substring(1) : name)
              .filter(LinkField::sortable)
              .orElse(null);
      if (field == null) {
        errors.add("sort", "'" + name + "' is not a sort field of incident-action");
        return keys;
      }
      keys.add(new SortKey(field, descending));
    }
    return keys;
  }

  private static int integer(
      String name, String text, int min, int max, int fallback, ValidationFailed.Collector errors) {
    try {
      return range(name, Integer.parseInt(text.strip()), min, max, errors);
    } catch (NumberFormatException e) {
      errors.add(name, rangeMessage(min, max));
      return fallback;
    }
  }

  private static int range(
      String name, int value, int min, int max, ValidationFailed.Collector errors) {
    if (value < min || value > max) {
      errors.add(name, rangeMessage(min, max));
    }
    return value;
  }

  private static String rangeMessage(int min, int max) {
    return max == Integer.MAX_VALUE
        ? "must be an integer of at least " + min
        : "must be an integer from " + min + " to " + max;
  }
}
