package org.hse.api.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one data source, chosen by configuration alone: H2 in the data directory by default,
 * PostgreSQL in production through {@code DB_CLASS}, {@code DB_URL}, {@code DB_USER} and {@code
 * DB_PASSWORD} (STACK.md, gotcha 5). On WildFly the server defines it instead (server-config).
 *
 * <p>The pool validates a connection as it hands it out and drops every pooled connection when one
 * is found dead, so the instances recover by themselves from a database restart, without being
 * restarted (the fault test restarts PostgreSQL under load). It validates a connection at most once
 * a second: a validation is a round trip to the database (pgjdbc's {@code isValid} runs an empty
 * statement), which every view and search paid on top of its own statements. A database restart
 * lasts longer than that second, so the first connection handed out after it is validated again and
 * fails, and the pool drops them all.
 *
 * <p>Started without the {@code DB_*} variables (the embedded H2 of {@code
 * microprofile-config.properties}), Payara Micro 6 logs {@code MicroProfile Config: property
 * 'db.class': no value found, no default given} for each of the four settings, then {@code RAR8068:
 * Using default datasource : __ds_jdbc_ra}. Both are harmless: Payara reads this annotation while
 * it scans the WAR ({@code DataSourceDefinitionHandler}), before the WAR's own configuration is
 * visible, finds only the server's sources (environment, system properties), keeps the {@code
 * ${MPCONFIG=...}} expressions as they are, and so cannot load the class to choose a resource
 * adapter (the default one is the right one for a {@code DataSource}). It expands them again with
 * the WAR's configuration when it opens the pool's connections ({@code DataSourceSpec}). A default
 * in the expression ({@code ${MPCONFIG=db.class:...}}) would silence them but would be substituted
 * at that first reading, for good: the WAR's configuration would never apply, and the H2 URL, which
 * depends on {@code data.dir}, cannot be written as such a default. With the {@code DB_*} variables
 * set, as in production, neither message appears.
 */
@Singleton
@DataSourceDefinition(
    name = DataSourceConfiguration.JNDI_NAME,
    className = "${MPCONFIG=db.class}",
    url = "${MPCONFIG=db.url}",
    user = "${MPCONFIG=db.user}",
    password = "${MPCONFIG=db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    loginTimeout = 5,
    properties = {
      // every connection is checked (JDBC isValid) before it is handed out; when one fails, the
      // pool drops them all: after a database restart no request gets a dead connection
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.validate-atmost-once-period-in-seconds=1",
      // while the database is down, a request waits at most this long for a connection
      "fish.payara.max-wait-time-in-millis=10000"
    })
public class DataSourceConfiguration {

  public static final String JNDI_NAME = "java:app/jdbc/incidents";
}
