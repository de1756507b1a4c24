package org.hse.api.query;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hse.api.model.Values;

/** What {@code force=true} would delete: the item itself and every dependent, with counts. */
public record DeletePreview(
    String type, String id, List<Affected> affected, Map<String, Long> counts) {

  public static final int MAX_AFFECTED = 1000;

  /** One item a forced delete would remove. */
  public record Affected(String type, String id, String label) {}

  public DeletePreview {
    affected = List.copyOf(affected);
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  public JsonObject toJson() {
    JsonArrayBuilder items = Values.JSON.createArrayBuilder();
    for (Affected item : affected) {
      items.add(
          Values.JSON
              .createObjectBuilder()
              .add("type", item.type())
              .add("id", item.id())
              .add("label", item.label()));
    }
    JsonObjectBuilder countsJson = Values.JSON.createObjectBuilder();
    counts.forEach(countsJson::add);
    return Values.JSON
        .createObjectBuilder()
        .add("deleted", false)
        .add("entity", Values.JSON.createObjectBuilder().add("type", type).add("id", id))
        .add("affected", items)
        .add("counts", countsJson)
        .build();
  }
}
