/** Incidents: what happened at an office of a project, and their status until closed. */
package org.hse.api.incident;
