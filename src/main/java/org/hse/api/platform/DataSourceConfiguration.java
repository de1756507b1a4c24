package org.hse.api.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one data source, chosen by configuration alone: H2 in the data directory by default,
 * PostgreSQL in production through {@code DB_CLASS}, {@code DB_URL}, {@code DB_USER} and {@code
 * DB_PASSWORD} (STACK.md, gotcha 5). On WildFly the server defines it instead (server-config).
 */
@Singleton
@DataSourceDefinition(
    name = DataSourceConfiguration.JNDI_NAME,
    className = "${MPCONFIG=db.class}",
    url = "${MPCONFIG=db.url}",
    user = "${MPCONFIG=db.user}",
    password = "${MPCONFIG=db.password}",
    minPoolSize = 2,
    maxPoolSize = 32)
public class DataSourceConfiguration {

  public static final String JNDI_NAME = "java:app/jdbc/incidents";
}
