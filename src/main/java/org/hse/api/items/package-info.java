/**
 * The generic control behind every feature's boundary: {@link org.hse.api.items.ItemStore}, the
 * verbs over the items of any resource (binding and validating an item, writing its history,
 * running the queries in the caller's tenant scope), which joins the transaction of the boundary
 * that calls it; {@link org.hse.api.items.ItemVerbs}, the verbs as the HTTP edge calls a boundary;
 * {@link org.hse.api.items.ReferenceRules} and {@link org.hse.api.items.References}, with which a
 * feature's boundary finds the items a write names. It depends on the query package, the model, the
 * error body and the caller-side security; never on a feature or the HTTP edge.
 */
package org.hse.api.items;
