package org.hse.api.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import org.hse.api.persistence.DataSourceName;

/**
 * The one data source ({@link DataSourceName#JNDI}), chosen by configuration alone: H2 in the data
 * directory by default, PostgreSQL in production through {@code DB_CLASS}, {@code DB_URL}, {@code
 * DB_USER} and {@code DB_PASSWORD}. On WildFly the server defines it instead (server-config).
 *
 * <p>The pool validates a connection as it hands it out and drops every pooled connection when one
 * is found dead, so the instances recover by themselves from a database restart, without being
 * restarted (the fault test restarts PostgreSQL under load). It validates a connection at most once
 * a second: a validation is a round trip to the database (pgjdbc's {@code isValid} runs an empty
 * statement), which every view and search paid on top of its own statements. A database restart
 * lasts longer than that second, so the first connection handed out after it is validated again and
 * fails, and the pool drops them all.
 *
 * <p>Payara reads this annotation while it scans the WAR ({@code DataSourceDefinitionHandler}),
 * before the WAR's own configuration is visible: with the settings only in {@code
 * microprofile-config.properties} it logged {@code property 'db.class': no value found} for each of
 * the four, then {@code RAR8068: Using default datasource}, at every start on the embedded H2 (it
 * expands the expressions again with the WAR's configuration when it opens connections). The
 * runnable jar therefore also carries them as system properties, {@code ${DB_URL:...}} with the
 * WAR's defaults ({@code server-config/payara/system.properties}, {@code SystemPropertiesTest}). A
 * default in this annotation's expressions ({@code ${MPCONFIG=db.class:...}}) would not do: it is
 * substituted at that first reading, for good.
 */
@Singleton
@DataSourceDefinition(
    name = DataSourceName.JNDI,
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
public class DataSourceConfiguration {}
