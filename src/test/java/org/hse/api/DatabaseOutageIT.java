package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database out of reach, as a client meets it: every answer is {@code 503 Service Unavailable}
 * with {@code Retry-After} and the contract's body, never a 500, and a create retried with its id
 * after the database is back is stored once. On PostgreSQL only ({@code -P postgres}, {@code -P
 * wildfly,postgres}), on a server and database of its own, so that no other class meets the outage.
 *
 * <p>The outage: the database stops taking connections ({@code ALLOW_CONNECTIONS false}) and every
 * connection the server holds is ended ({@code pg_terminate_backend}), what a restart does to it,
 * for as long as the test needs. {@code FaultLoadIT} restarts PostgreSQL itself under load.
 *
 * <p>The first request after the database is back must succeed, not merely one within a client's
 * retries: the pool still holds the connections the outage ended, and only a pool that validates a
 * connection before handing it out gives that request a live one. On WildFly, whose pool for a data
 * source the WAR defines validated nothing, the first create after the outage was a 503 ("This
 * connection has been closed"); the pool of {@code configure.cli} validates, as Payara's does.
 */
class DatabaseOutageIT {

  @Test
  void whileTheDatabaseIsAwayEveryAnswerIs503WithRetryAfterAndARetriedCreateIsStoredOnce()
      throws Exception {
    assumeTrue(FreshDatabase.onPostgres(), "a database out of reach needs PostgreSQL");
    StartedServer<AutoCloseable> server = SharedServer.launch("outage", Map.of());
    try {
      String token =
          Tokens.signedByService(
              "admin", List.of("admin"), List.of(), Tokens.ISSUER, Instant.now());
      ApiClient admin = new ApiClient(server.base(), token);
      String id = UUID.randomUUID().toString();
      String project = TestData.project(id, "Outage").build().toString();
      assertEquals(200, admin.get("v2/project/index").status());

      List<String> answers = new ArrayList<>();
      FreshDatabase.cutOff(server.database(), true);
      try {
        answers.add(create(server, token, project));
        answers.add(
            RawHttp.exchange(server.base(), "GET", "v2/project/view/" + id, token, null, null));
        answers.add(RawHttp.exchange(server.base(), "GET", "v2/project/index", token, null, null));
      } finally {
        FreshDatabase.cutOff(server.database(), false);
      }
      for (String answer : answers) {
        assertEquals("HTTP/1.1 503 Service Unavailable", RawHttp.statusLine(answer), answer);
        assertEquals("1", RawHttp.header(answer, "Retry-After"), answer);
        assertEquals("application/json", RawHttp.header(answer, "Content-Type"), answer);
        assertTrue(RawHttp.body(answer).contains("\"status\":503"), answer);
        assertFalse(RawHttp.body(answer).contains("Exception"), answer);
      }

      String retried = create(server, token, project);
      assertEquals("HTTP/1.1 201 Created", RawHttp.statusLine(retried), retried);
      assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(create(server, token, project)));
      assertEquals(200, admin.view("project", id).status());
      String log = java.nio.file.Files.readString(server.log());
      assertTrue(log.contains("The database is out of reach, answered 503"), "the log says why");
      assertFalse(log.contains("answered as 500"), "no 500 in the log");
    } finally {
      server.close();
    }
  }

  private static String create(StartedServer<AutoCloseable> server, String token, String body) {
    return RawHttp.exchange(
        server.base(), "POST", "v2/project/create", token, "application/json", body);
  }
}
