/**
 * The action resource's model: its field table, which drives binding, filters, sort, errors and
 * OpenAPI.
 */
package org.hse.api.action.control;
