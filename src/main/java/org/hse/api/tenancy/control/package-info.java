/**
 * The models of projects and offices, and what the resources placed at an office of a project
 * (incidents, actions, links) share: their tenant and sub-tenant fields ({@code PlacedModel}).
 */
package org.hse.api.tenancy.control;
