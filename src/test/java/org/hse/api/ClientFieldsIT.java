package org.hse.api;

import static org.hse.api.ApiAssertions.assertErrorBody;
import static org.hse.api.ApiAssertions.assertFields;
import static org.hse.api.ApiAssertions.created;
import static org.hse.api.ApiAssertions.id;
import static org.hse.api.ApiAssertions.strings;
import static org.hse.api.ApiAssertions.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.mime.MultipartEntityBuilder;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the hosted API's own PHP client sends, as it sends it: {@code []} as an empty search, the
 * office, action and project fields its tools offer, read-only fields of any type, and the raw
 * status line of a 422.
 *
 * <p>On the {@link SharedServer}, in tenants of its own: P1 is {@code fields-writer}'s.
 */
@ExtendWith(SharedServer.class)
class ClientFieldsIT {

  static final String P1 = "b1000000-0000-4000-8000-000000000001";
  static final String P2 = "b1000000-0000-4000-8000-000000000002";
  static final String O1 = "b2000000-0000-4000-8000-000000000001";
  static final String O2 = "b2000000-0000-4000-8000-000000000002";
  static final String OFFICE_TYPE = "0fce0000-0000-4000-8000-000000000001";

  static ApiClient admin;
  static ApiClient writer;
  static String adminToken;

  @BeforeEach
  void world() throws Exception {
    if (admin != null) {
      return;
    }
    TestWorld world = TestWorld.shared();
    admin = world.as("admin");
    adminToken = admin.token();
    writer = world.as("fields-writer");
    world.project(admin, TestData.project(P1, "Alpha Safety"));
    world.project(
        admin,
        TestData.project(P2, "Beta Works")
            .add("project_type", "template")
            .add("status", "suspended"));
    world.office(admin, O1, P1, "North plant");
    world.office(admin, O2, P2, "Beta site");
  }

  @Test
  void anEmptyJsonArrayIsAnEmptySearch() {
    for (String resource : List.of("incident-action", "incident", "action", "project", "office")) {
      Reply array = writer.post("v2/" + resource + "/index", "[]");
      Reply object = writer.post("v2/" + resource + "/index", "{}");
      assertEquals(200, array.status(), resource + ": " + array.body());
      assertEquals(object.body(), array.body(), resource);
      assertEquals(
          object.header("X-Pagination-Total-Count"), array.header("X-Pagination-Total-Count"));
      assertEquals(400, writer.post("v2/" + resource + "/index", "[1]").status(), resource);
    }
    assertEquals(400, writer.post("v2/action/create", "[]").status());
  }

  @Test
  void anOfficeTakesEveryFieldTheHostedClientSends() {
    JsonObject sent =
        Json.createObjectBuilder()
            .add("office_id", "b2000000-0000-4000-8000-000000000009")
            .add("project_id", P1)
            .add("name", "Building site")
            .add("office_type_icon", "construction_site")
            .add("code", "BS-1")
            .add("description", "The new wing")
            .add("street", "Via Roma 1")
            .add("postal_code", "20121")
            .add("region", "Lombardia")
            .add("locality", "Milano")
            .add("country", "IT")
            .add("tax_code", "TX-1")
            .add("vat", "IT01234567890")
            .add("office_type_id", OFFICE_TYPE)
            .build();
    Reply reply = created(admin.create("office", sent));
    JsonObject item = reply.json();
    sent.forEach((name, value) -> assertEquals(value, item.get(name), name));
    assertEquals("Alpha Safety", item.getString("project_name"));
    assertEquals("safety", item.getString("project_type"));
    assertEquals(item, admin.view("office", id(reply)).json());

    JsonObject plain = admin.view("office", O1).json();
    assertEquals("office_default", plain.getString("office_type_icon"));
    assertTrue(plain.isNull("street"));

    Reply byIcon =
        admin.index("office", filter(Map.of("office_type_icon", "construction_site"), "name"));
    assertEquals(List.of("Building site"), strings(byIcon.array(), "name"));
    Reply byLocality = admin.indexQuery("office", "filter[locality]=MILA&sort=-postal_code");
    assertEquals(List.of("Building site"), strings(byLocality.array(), "name"));
    assertEquals(
        List.of("Beta site"),
        strings(
            admin
                .index(
                    "office",
                    filter(Map.of("project_type", "template", "project_id", List.of(P1, P2)), null))
                .array(),
            "name"));
  }

  @Test
  void officeFieldsAreChecked() {
    long before = total(admin, "office");
    assertFields(
        admin.create(
            "office",
            Json.createObjectBuilder(TestData.office(OFFICE_TYPE, P1, "Bad"))
                .add("office_type_icon", "castle")
                .add("office_type_id", "not-a-uuid")
                .add("description", "x".repeat(4001))
                .add("vat", "x".repeat(256))
                .build()),
        "office_type_icon",
        "office_type_id",
        "description",
        "vat");
    assertEquals(before, total(admin, "office"));
  }

  @Test
  void anActionTakesValidityPeopleAndData() {
    JsonObject sent =
        TestData.action(P1, O1, "TRAINING", "ACT-1", "Fire drill")
            .add("validity_unit", "YEAR")
            .add("validity", 2)
            .add("expire_interval", 30)
            .add("manager", "{\"username\": \"alice\"}")
            .add("assignee", "[{\"username\": \"bob\"}, {\"username\": \"carol\"}]")
            .add("watcher", "[]")
            .add("data", "{\"notes\": \"yearly\", \"level\": 3}")
            .build();
    Reply reply = created(writer.create("action", sent));
    sent.forEach((name, value) -> assertEquals(value, reply.json().get(name), name));
    String drill = id(reply);
    created(
        writer.create(
            "action",
            TestData.action(P1, O1, "CHECK", "ACT-2", "Ladder check")
                .add("validity_unit", "MONTH")
                .add("validity", 6)
                .build()));
    Reply form =
        writer.send(
            "POST",
            "v2/action/create",
            ApiClient.form(
                Map.of(
                    "action_type", "PER",
                    "name", "Gloves",
                    "validity", "1",
                    "validity_unit", "DAY",
                    "subtenant_id", O1,
                    "tenant_id", P1)),
            "application/x-www-form-urlencoded",
            Map.of());
    assertEquals(201, form.status(), form.body());
    assertEquals(1, form.json().getInt("validity"));

    assertEquals(
        List.of("Ladder check", "Fire drill"),
        strings(
            writer.index("action", filter(Map.of("validity", List.of(2, 6)), "-validity")).array(),
            "name"));
    assertEquals(
        List.of("Fire drill"),
        strings(writer.index("action", filter(Map.of("assignee", "CAROL"), null)).array(), "name"));
    assertEquals(
        List.of("Gloves"),
        strings(writer.indexQuery("action", "filter[validity_unit]=DAY").array(), "name"));
    assertEquals(
        List.of("Fire drill"),
        strings(writer.indexQuery("action", "filter[expire_interval]=30").array(), "name"));
    assertFields(writer.indexQuery("action", "sort=manager"), "sort");
    assertFields(writer.indexQuery("action", "filter[validity]=-1"), "filter[validity]");

    Reply update =
        writer.update(
            "action",
            drill,
            Json.createObjectBuilder().add("validity", 3).addNull("manager").build());
    assertEquals(200, update.status(), update.body());
    assertEquals(3, update.json().getInt("validity"));
    assertTrue(update.json().isNull("manager"));
    assertEquals(sent.get("data"), update.json().get("data"));
  }

  @Test
  void actionFieldsAreChecked() {
    long before = total(admin, "action");
    assertFields(
        writer.create(
            "action",
            TestData.action(P1, O1, "TRAINING", "ACT-X", "Bad")
                .add("validity_unit", "WEEK")
                .add("validity", -1)
                .add("expire_interval", 1.5)
                .add("manager", "{not json")
                .add("assignee", 42)
                .add("watcher", "[1] [2]")
                .add("data", "\"" + "x".repeat(65536) + "\"")
                .build()),
        "validity_unit",
        "validity",
        "expire_interval",
        "manager",
        "assignee",
        "watcher",
        "data");
    assertFields(
        writer.create(
            "action",
            TestData.action(P1, O1, "TRAINING", "ACT-X", "Bad").add("validity", "many").build()),
        "validity");
    assertEquals(before, total(admin, "action"));
  }

  @Test
  void projectsHaveATypeAndAStatusUnderTheHostedClientsNames() {
    JsonObject alpha = admin.view("project", P1).json();
    assertEquals("safety", alpha.getString("project_type"));
    assertEquals("active", alpha.getString("status"));
    assertFalse(alpha.containsKey("type"), alpha.toString());
    JsonObject beta = admin.view("project", P2).json();
    assertEquals("template", beta.getString("project_type"));
    assertEquals("suspended", beta.getString("status"));

    assertEquals(
        List.of("Beta Works"),
        strings(
            admin
                .index(
                    "project",
                    filter(Map.of("project_type", "template", "status", "suspended"), null))
                .array(),
            "name"));
    assertEquals(
        List.of("Alpha Safety"),
        strings(admin.indexQuery("project", "filter[status]=active&" + ours()).array(), "name"));
    assertEquals(
        List.of("Beta Works", "Alpha Safety"),
        strings(admin.indexQuery("project", "sort=-status&" + ours()).array(), "name"));

    assertFields(
        admin.update("project", P1, Json.createObjectBuilder().add("type", "safety").build()),
        "type");
    assertFields(admin.indexQuery("project", "filter[type]=safety"), "filter[type]");
    assertFields(
        admin.update("project", P1, Json.createObjectBuilder().add("status", "archived").build()),
        "status");
    Reply suspended =
        admin.update("project", P1, Json.createObjectBuilder().add("status", "deleted").build());
    assertEquals(200, suspended.status(), suspended.body());
    assertEquals("deleted", suspended.json().getString("status"));
    assertEquals(
        200,
        admin
            .update("project", P1, Json.createObjectBuilder().add("status", "active").build())
            .status());
  }

  @Test
  void readOnlyFieldsOfAnyTypeAreIgnoredOnWrites() {
    Reply reply =
        created(
            writer.create(
                "action",
                TestData.action(P1, O1, "HEALTH", "ACT-9", "Medical visit")
                    .add("created_at", 1700000000)
                    .add("updated_at", 1700000000)
                    .add("project_name", 5)
                    .add("office_name", Json.createObjectBuilder().add("x", 1))
                    .add("project_type", JsonValue.FALSE)
                    .build()));
    JsonObject item = reply.json();
    assertTrue(item.getString("created_at").startsWith("20"), item.toString());
    assertNotEquals("2023-11-14T22:13:20Z", item.getString("created_at"));
    assertEquals("North plant", item.getString("office_name"));
    Reply update =
        writer.update(
            "action",
            id(reply),
            Json.createObjectBuilder(item)
                .add("created_at", 1)
                .add("updated_at", 1)
                .add("name", "Medical check")
                .build());
    assertEquals(200, update.status(), update.body());
    assertEquals(item.getString("created_at"), update.json().getString("created_at"));
    assertEquals("Medical check", update.json().getString("name"));
    Reply office =
        admin.update(
            "office",
            O1,
            Json.createObjectBuilder().add("project_name", 1).add("project_type", 2).build());
    assertEquals(200, office.status(), office.body());
  }

  @Test
  void requiredTextThatIsEmptyOrOnlyBlanksIs422() {
    long incidents = total(admin, "incident");
    for (String blank : List.of("", "   ", "\t\n")) {
      assertFields(
          writer.create("incident", TestData.incident(P1, O1, "INC-1", blank).build()), "name");
      assertFields(
          writer.create("action", TestData.action(P1, O1, "PER", "A", blank).build()), "name");
      assertFields(admin.create("project", TestData.project(OFFICE_TYPE, blank).build()), "name");
      assertFields(admin.create("office", TestData.office(OFFICE_TYPE, P1, blank)), "name");
      assertFields(
          admin.update("project", P1, Json.createObjectBuilder().add("name", blank).build()),
          "name");
    }
    assertFields(
        writer.send(
            "POST",
            "v2/incident/create",
            "name=&date_incident=2026-11-20&subtenant_id=" + O1 + "&tenant_id=" + P1,
            "application/x-www-form-urlencoded",
            Map.of()),
        "name");
    assertEquals(incidents, total(admin, "incident"));
    assertEquals("Alpha Safety", admin.view("project", P1).json().getString("name"));
    Reply optionalBlank =
        created(writer.create("incident", TestData.incident(P1, O1, " ", "Spill").build()));
    assertEquals(" ", optionalBlank.json().getString("code"));
  }

  @Test
  void aValidationFailureReadsUnprocessableEntityOnTheStatusLine() {
    String answer =
        RawHttp.exchange(
            admin.base(), "POST", "v2/incident/create", adminToken, "application/json", "{}");
    assertEquals("HTTP/1.1 422 Unprocessable Entity", RawHttp.statusLine(answer), answer);
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertTrue(
        Json.createReader(new StringReader(body)).readArray().size() >= 4, "every field: " + body);
    String search =
        RawHttp.exchange(admin.base(), "GET", "v2/action/index?per-page=0", adminToken, null, null);
    assertEquals("HTTP/1.1 422 Unprocessable Entity", RawHttp.statusLine(search), search);
    assertEquals(
        "HTTP/1.1 200 OK",
        RawHttp.statusLine(
            RawHttp.exchange(admin.base(), "GET", "v2/action/index", adminToken, null, null)));
    String missing =
        RawHttp.exchange(
            admin.base(),
            "GET",
            "v2/action/view/99999999-9999-4999-8999-999999999999",
            adminToken,
            "application/json",
            null);
    assertEquals("HTTP/1.1 404 Not Found", RawHttp.statusLine(missing), missing);
    assertErrorBody(admin.view("action", "99999999-9999-4999-8999-999999999999"), 404, "Not Found");
  }

  /**
   * The hosted client's {@code createMultipart} (Laravel's {@code asMultipart()}, that is Guzzle's
   * multipart stream): a 40-hex boundary, each part a {@code Content-Disposition} with the field's
   * name and a {@code Content-Length}, no {@code Content-Type}, the text in UTF-8. Then an update
   * written by Apache HttpMime, with one part in ISO-8859-1 that says so.
   */
  @Test
  void theHostedClientsMultipartCreateAndAMultipartUpdateAreTaken() throws Exception {
    String boundary = "5c2f1e0d9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d";
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("code", "INC-MP-1");
    fields.put("name", "Öl auf der Treppe – Stufe 2");
    fields.put("date_incident", "2026-11-21");
    fields.put("category", "ACCIDENTS");
    fields.put("description_event", "");
    fields.put("subtenant_id", O1);
    fields.put("tenant_id", P1);
    ByteArrayOutputStream guzzle = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      byte[] value = field.getValue().getBytes(StandardCharsets.UTF_8);
      guzzle.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\nContent-Length: "
                  + value.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      guzzle.writeBytes(value);
      guzzle.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    guzzle.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    String created =
        RawHttp.exchangeBytes(
            writer.base(),
            "POST",
            "v2/incident/create",
            writer.token(),
            "multipart/form-data; boundary=" + boundary,
            guzzle.toByteArray(),
            Map.of());
    assertEquals("HTTP/1.1 201 Created", RawHttp.statusLine(created), created);
    assertEquals("\"1\"", RawHttp.header(created, "ETag"));
    JsonObject incident =
        Json.createReader(new StringReader(writer.view("incident", locationId(created)).body()))
            .readObject();
    assertEquals("Öl auf der Treppe – Stufe 2", incident.getString("name"));
    assertEquals("2026-11-21", incident.getString("date_incident"));
    assertTrue(incident.isNull("description_event"), "an empty part is null, like a form's");

    HttpEntity update =
        MultipartEntityBuilder.create()
            .addTextBody(
                "deponent",
                "Jürgen Weiß",
                ContentType.create("text/plain", StandardCharsets.ISO_8859_1))
            .addTextBody("status", "open")
            .build();
    String updated =
        sendParts(
            "PUT",
            "v2/incident/update/" + incident.getString("office_incident_id"),
            update,
            Map.of("If-Match", "\"1\""));
    assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(updated), updated);
    JsonObject after = Json.createReader(new StringReader(RawHttp.body(updated))).readObject();
    assertEquals("Jürgen Weiß", after.getString("deponent"));
    assertEquals("open", after.getString("status"));
    assertEquals("Öl auf der Treppe – Stufe 2", after.getString("name"));
  }

  /** A file among the parts, and a field given twice, are 422s on those fields; nothing is made. */
  @Test
  void aMultipartFileOrARepeatedFieldIs422AndChangesNothing() throws Exception {
    long incidents = total(admin, "incident");
    HttpEntity parts =
        MultipartEntityBuilder.create()
            .addTextBody("code", "INC-MP-2")
            .addTextBody("code", "INC-MP-3")
            .addBinaryBody(
                "name",
                "Spill".getBytes(StandardCharsets.UTF_8),
                ContentType.TEXT_PLAIN,
                "name.txt")
            .addTextBody("date_incident", "2026-11-21")
            .addTextBody("subtenant_id", O1)
            .addTextBody("tenant_id", P1)
            .build();
    String refused = sendParts("POST", "v2/incident/create", parts, Map.of());
    assertEquals("HTTP/1.1 422 Unprocessable Entity", RawHttp.statusLine(refused), refused);
    assertEquals(
        List.of("code", "name"),
        strings(Json.createReader(new StringReader(RawHttp.body(refused))).readArray(), "field"));
    String malformed =
        RawHttp.exchangeBytes(
            writer.base(),
            "POST",
            "v2/incident/create",
            writer.token(),
            "multipart/form-data; boundary=nothing-here",
            "--elsewhere\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            Map.of());
    assertEquals("HTTP/1.1 400 Bad Request", RawHttp.statusLine(malformed), malformed);
    assertTrue(RawHttp.body(malformed).contains("\"status\":400"), malformed);
    assertEquals(incidents, total(admin, "incident"));
  }

  /** The parts as the client's library writes them, sent as the writer, the raw answer. */
  private static String sendParts(
      String method, String path, HttpEntity parts, Map<String, String> headers)
      throws IOException {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    parts.writeTo(written);
    return RawHttp.exchangeBytes(
        writer.base(),
        method,
        path,
        writer.token(),
        parts.getContentType().getValue(),
        written.toByteArray(),
        headers);
  }

  private static String locationId(String answer) {
    String location = RawHttp.header(answer, "Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** A query's filter on this class's projects: the shared server holds other tests' too. */
  private static String ours() {
    return "filter[project_id]=" + P1 + "&filter[project_id]=" + P2;
  }

  private static JsonObject filter(Map<String, Object> conditions, String sort) {
    JsonObjectBuilder filter = Json.createObjectBuilder();
    conditions.forEach(
        (name, value) -> {
          if (value instanceof List<?> list) {
            filter.add(name, Json.createArrayBuilder(list));
          } else {
            filter.add(name, value.toString());
          }
        });
    JsonObjectBuilder body = Json.createObjectBuilder().add("filter", filter);
    if (sort != null) {
      body.add("sort", sort);
    }
    return body.build();
  }
}
