/**
 * Tenancy: projects (the tenants, {@code tenant_id}) and their offices (the sub-tenants, {@code
 * subtenant_id}). Only admins write them; readers and writers see the projects of their token.
 */
package org.hse.api.tenancy;
