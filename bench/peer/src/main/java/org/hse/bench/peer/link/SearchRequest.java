package org.hse.bench.peer.link;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of {@code POST /v2/incident-action/index}: every key optional. A filter value is a
 * string (or a number), an array of them (any of these), or null (no value).
 */
public record SearchRequest(
    Map<String, Object> filter,
    @JsonProperty("per-page") Integer perPage,
    Integer page,
    String sort,
    Boolean history) {}
