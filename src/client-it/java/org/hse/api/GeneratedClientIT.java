package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hse.client.ApiClient;
import org.hse.client.ApiException;
import org.hse.client.ApiResponse;
import org.hse.client.api.ActionApi;
import org.hse.client.api.IncidentActionApi;
import org.hse.client.api.IncidentApi;
import org.hse.client.api.OfficeApi;
import org.hse.client.api.ProjectApi;
import org.hse.client.api.TokenApi;
import org.hse.client.model.ActionCreate;
import org.hse.client.model.DeletePreview;
import org.hse.client.model.IncidentAction;
import org.hse.client.model.IncidentActionCreate;
import org.hse.client.model.IncidentActionFilter;
import org.hse.client.model.IncidentActionSearch;
import org.hse.client.model.IncidentActionUpdate;
import org.hse.client.model.IncidentCreate;
import org.hse.client.model.OfficeCreate;
import org.hse.client.model.ProjectCreate;
import org.hse.client.model.TokenResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed flow through the Java client that OpenAPI Generator made from the service's OpenAPI
 * document during the build (java, library native): token, the seed index with its four paging
 * headers, create, view, update with If-Match, delete preview, forced delete.
 */
@ExtendWith(SharedServer.class)
class GeneratedClientIT {

  /** A tenant of its own on the {@link SharedServer}: {@code client-writer}'s. */
  static final UUID PROJECT = UUID.fromString("c1000000-0000-4000-8000-000000000001");

  static final UUID OFFICE = UUID.fromString("c2000000-0000-4000-8000-000000000001");

  final URL url = SharedServer.url();

  @Test
  void theSeedFlowWorksThroughTheGeneratedClient() throws ApiException {
    TokenResponse login =
        new TokenApi(client(null))
            .token(
                "hse",
                "password",
                "api",
                "client-writer",
                TestData.password("client-writer"),
                null);
    assertEquals("Bearer", login.getTokenType());
    assertEquals("profile", login.getScope());
    assertEquals(0, login.getNotBeforePolicy());
    ApiClient writer = client(login.getAccessToken());
    ApiClient admin =
        client(
            new TokenApi(client(null))
                .token("hse", "password", "api", "admin", TestData.password("admin"), null)
                .getAccessToken());

    new ProjectApi(admin).createProject(new ProjectCreate().projectId(PROJECT).name("Alpha"));
    new OfficeApi(admin)
        .createOffice(
            new OfficeCreate()
                .officeId(OFFICE)
                .projectId(PROJECT)
                .name("North plant")
                .officeTypeIcon(OfficeCreate.OfficeTypeIconEnum.CONSTRUCTION_SITE));
    UUID incident =
        new IncidentApi(writer)
            .createIncident(
                new IncidentCreate()
                    .code("INC-1")
                    .name("Forklift collision")
                    .dateIncident(LocalDate.of(2026, 11, 2))
                    .category(IncidentCreate.CategoryEnum.ACCIDENTS)
                    .subtenantId(OFFICE)
                    .tenantId(PROJECT))
            .getOfficeIncidentId();
    UUID action =
        new ActionApi(writer)
            .createAction(
                new ActionCreate()
                    .actionType(ActionCreate.ActionTypeEnum.TRAINING)
                    .code("ACT-8")
                    .name("Forklift refresher course")
                    .validity(1)
                    .validityUnit(ActionCreate.ValidityUnitEnum.YEAR)
                    .subtenantId(OFFICE)
                    .tenantId(PROJECT))
            .getActionId();

    IncidentActionApi links = new IncidentActionApi(writer);
    ApiResponse<IncidentAction> created =
        links.createIncidentActionWithHttpInfo(
            new IncidentActionCreate()
                .officeIncidentId(incident)
                .entityType(IncidentActionCreate.EntityTypeEnum.ACTION)
                .entityId(action)
                .description("Drivers retrained")
                .subtenantId(OFFICE)
                .tenantId(PROJECT));
    assertEquals(201, created.getStatusCode());
    UUID link = created.getData().getOfficeIncidentActionId();
    assertEquals("Forklift refresher course", created.getData().getActionName());

    ApiResponse<List<IncidentAction>> seed =
        links.searchIncidentActionByBodyWithHttpInfo(
            new IncidentActionSearch()
                .filter(new IncidentActionFilter().officeIncidentId(List.of(incident)))
                .perPage(20)
                .page(1)
                .sort("action_name"));
    assertEquals(200, seed.getStatusCode());
    assertEquals(
        List.of(link),
        seed.getData().stream().map(IncidentAction::getOfficeIncidentActionId).toList());
    assertEquals("Forklift collision", seed.getData().get(0).getIncidentName());
    Map<String, List<String>> headers = seed.getHeaders();
    assertEquals(List.of("1"), header(headers, "X-Pagination-Current-Page"));
    assertEquals(List.of("1"), header(headers, "X-Pagination-Page-Count"));
    assertEquals(List.of("20"), header(headers, "X-Pagination-Per-Page"));
    assertEquals(List.of("1"), header(headers, "X-Pagination-Total-Count"));

    ApiResponse<IncidentAction> view = links.viewIncidentActionWithHttpInfo(link, null);
    assertEquals("Drivers retrained", view.getData().getDescription());
    String etag = header(view.getHeaders(), "ETag").get(0);

    ApiResponse<IncidentAction> updated =
        links.updateIncidentActionWithHttpInfo(
            link, new IncidentActionUpdate().description("Every driver retrained"), etag);
    assertEquals(200, updated.getStatusCode());
    assertEquals("Every driver retrained", updated.getData().getDescription());
    ApiException stale =
        assertThrows(
            ApiException.class,
            () ->
                links.updateIncidentAction(
                    link, new IncidentActionUpdate().description("Stale"), etag));
    assertEquals(412, stale.getCode());

    DeletePreview preview = links.deleteIncidentAction(link, null, null);
    assertFalse(preview.getDeleted());
    assertEquals(Map.of("incident-action", 1L), preview.getCounts());
    ApiResponse<DeletePreview> deleted = links.deleteIncidentActionWithHttpInfo(link, true, null);
    assertEquals(204, deleted.getStatusCode());
    assertNull(deleted.getData());
    ApiException gone =
        assertThrows(ApiException.class, () -> links.viewIncidentAction(link, null));
    assertEquals(404, gone.getCode());
    assertTrue(gone.getResponseBody().contains("\"status\":404"), gone.getResponseBody());
  }

  /** A client of the service; with a token, sent as the bearer token of every request. */
  private ApiClient client(String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(url.toString().replaceAll("/+$", ""));
    if (token != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }
    return client;
  }

  private static List<String> header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(List.of());
  }
}
