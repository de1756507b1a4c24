package org.hse.api.items;

import jakarta.json.JsonObject;
import java.util.function.LongPredicate;
import org.hse.api.persistence.Audited;
import org.hse.api.query.DeletePreview;
import org.hse.api.query.IndexRequest;
import org.hse.api.query.Page;
import org.hse.api.security.Caller;

/**
 * The verbs of a v2 resource, as its HTTP edge calls them: what each feature's {@code @Stateless}
 * boundary offers, with its own roles ({@code @RolesAllowed}) and transactions, over the {@link
 * ItemStore}. The edge is written once against this interface; a boundary is a no-interface view
 * ({@code @LocalBean}) that also implements it, so that the container's checks run whichever way it
 * is called.
 */
public interface ItemVerbs<E extends Audited> {

  Page<JsonObject> index(Caller caller, IndexRequest<E> request);

  Stored view(Caller caller, String id);

  Page<JsonObject> history(Caller caller, String id, int page, int perPage);

  JsonObject changes(Caller caller, String after, int limit);

  Stored create(Caller caller, JsonObject body);

  /**
   * @param ifMatch whether the client's {@code If-Match} accepts a version, null without one
   */
  Stored update(Caller caller, String id, JsonObject body, LongPredicate ifMatch);

  DeletePreview preview(Caller caller, String id);

  void delete(Caller caller, String id, LongPredicate ifMatch);
}
