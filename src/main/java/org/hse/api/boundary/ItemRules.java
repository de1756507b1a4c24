package org.hse.api.boundary;

import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.model.ResourceModel;
import org.hse.api.persistence.Audited;

/**
 * What one feature adds to the verbs {@link Items} runs for every resource: its model, who may
 * write its items, and how a create or update finds the items it names. A feature's CDI bean
 * implements it and is handed to every {@link Items} verb.
 */
public interface ItemRules<E extends Audited> {

  /** The resource these rules are for. */
  ResourceModel<E> model();

  /**
   * Who may create, update and delete the items: {@link RoleCheck} refuses anyone else (403).
   * Writers, unless the feature's rules say otherwise (projects and offices: admins).
   */
  default WrittenBy writtenBy() {
    return WrittenBy.WRITERS;
  }

  /**
   * Resolves the references a create or update names and checks the feature's own rules, adding a
   * field error for each reference that does not exist or is not visible. Throws {@link
   * jakarta.ws.rs.ForbiddenException} when the input names a tenant the caller lacks ({@link
   * References#requireTenant}).
   */
  void resolve(E item, ItemInput<E> input, FieldErrors errors, References references);
}
