/**
 * The models of projects and offices, and what the resources placed at an office of a project
 * (incidents, actions, links) share: their tenant and sub-tenant fields and the rule that an item
 * and the items it names belong to the same project ({@code PlacedStore}, the boundary they share).
 */
package org.hse.api.tenancy.control;
