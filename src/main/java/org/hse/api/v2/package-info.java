/**
 * The verbs every v2 resource shares, written once: index requests with filters, sort and paging,
 * the paging and Link headers, request bodies in JSON or form encoding, field binding and
 * validation, ETags, the delete preview, and the mapping of every error to the contract's bodies. A
 * resource only declares its {@link org.hse.api.v2.ResourceModel}.
 */
package org.hse.api.v2;
