package org.hse.bench.peer.link;

import java.util.List;
import java.util.Map;

/**
 * What {@code DELETE ...?force=true} would delete: for a link, the link alone (nothing depends on
 * it), labelled by its action's code and name.
 */
public record DeletePreview(
    boolean deleted, Entity entity, List<Affected> affected, Map<String, Long> counts) {

  public static final String TYPE = "incident-action";

  /** The item the preview is of. */
  public record Entity(String type, String id) {}

  /** One item a forced delete would remove. */
  public record Affected(String type, String id, String label) {}

  static DeletePreview ofLink(String id, String actionCode, String actionName) {
    String label =
        actionCode == null || actionCode.isBlank() ? actionName : actionCode + " " + actionName;
    return new DeletePreview(
        false,
        new Entity(TYPE, id),
        List.of(new Affected(TYPE, id, label)),
        Map.of(TYPE, 1L));
  }
}
