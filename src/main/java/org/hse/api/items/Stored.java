package org.hse.api.items;

import jakarta.json.JsonObject;

/**
 * An item as a write or read left it: its JSON, its version for the ETag, and whether a create
 * stored it just now (201) or found it stored by an earlier try (200).
 */
public record Stored(String id, long version, JsonObject item, boolean created) {}
