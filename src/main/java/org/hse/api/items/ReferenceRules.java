package org.hse.api.items;

import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.persistence.Audited;

/**
 * What a feature's boundary adds to a create or update of its items: how the write finds the items
 * its input names, and the feature's own rules over them. The boundary hands it to {@link
 * ItemStore#create} and {@link ItemStore#update}, which call it in the write's transaction after
 * binding the input and before Bean Validation.
 */
@FunctionalInterface
public interface ReferenceRules<E extends Audited> {

  /** The rules of a resource whose items name no other item. */
  static <E extends Audited> ReferenceRules<E> none() {
    return (item, input, errors, references) -> {};
  }

  /**
   * Resolves the references a create or update names and checks the feature's own rules, adding a
   * field error for each reference that does not exist or is not visible. Throws {@link
   * jakarta.ws.rs.ForbiddenException} when the input names a tenant the caller lacks ({@link
   * References#requireTenant}).
   */
  void resolve(E item, ItemInput<E> input, FieldErrors errors, References references);
}
