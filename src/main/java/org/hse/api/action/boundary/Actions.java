package org.hse.api.action.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.function.LongPredicate;
import org.hse.api.action.control.ActionModel;
import org.hse.api.action.entity.Action;
import org.hse.api.items.ItemStore;
import org.hse.api.items.ItemVerbs;
import org.hse.api.items.References;
import org.hse.api.items.Stored;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.query.DeletePreview;
import org.hse.api.query.IndexRequest;
import org.hse.api.query.Page;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.boundary.Placement;

/**
 * The boundary of actions: the transaction and security edge of every verb over them. Any of the
 * three roles reads (without a transaction of its own: each statement sees committed data, and no
 * transaction is begun and committed for two selects); writers and admins write, each write one
 * transaction. The rules of a write are {@link Placement}'s: the item sits at an office of one of
 * the caller's projects.
 */
@Stateless
@LocalBean
@RolesAllowed({Caller.READER, Caller.WRITER, Caller.ADMIN})
public class Actions implements ItemVerbs<Action> {

  @Inject ActionModel model;

  @Inject ItemStore store;

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<JsonObject> index(Caller caller, IndexRequest<Action> request) {
    return store.index(model, caller, request);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Stored view(Caller caller, String id) {
    return store.view(model, caller, id);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<JsonObject> history(Caller caller, String id, int page, int perPage) {
    return store.history(model, caller, id, page, perPage);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public JsonObject changes(Caller caller, String after, int limit) {
    return store.changes(model, caller, after, limit);
  }

  @Override
  @RolesAllowed({Caller.WRITER, Caller.ADMIN})
  public Stored create(Caller caller, JsonObject body) {
    return store.create(model, this::resolve, caller, body);
  }

  @Override
  @RolesAllowed({Caller.WRITER, Caller.ADMIN})
  public Stored update(Caller caller, String id, JsonObject body, LongPredicate ifMatch) {
    return store.update(model, this::resolve, caller, id, body, ifMatch);
  }

  @Override
  @RolesAllowed({Caller.WRITER, Caller.ADMIN})
  public DeletePreview preview(Caller caller, String id) {
    return store.preview(model, caller, id);
  }

  @Override
  @RolesAllowed({Caller.WRITER, Caller.ADMIN})
  public void delete(Caller caller, String id, LongPredicate ifMatch) {
    store.delete(model, caller, id, ifMatch);
  }

  /** Actions are placed at an office of one of the caller's projects, both named on create. */
  private void resolve(
      Action item, ItemInput<Action> input, FieldErrors errors, References references) {
    Placement.resolve(item, errors, references);
  }
}
