/**
 * Actions: the corrective and preventive measures (training, maintenance, health checks, PPE)
 * planned at an office.
 */
package org.hse.api.action;
