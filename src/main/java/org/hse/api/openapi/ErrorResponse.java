package org.hse.api.openapi;

/** The error answers of the contract, each a reusable response of the document. */
enum ErrorResponse {
  BAD_REQUEST(400, "BadRequest", "The body is not valid JSON, or not a JSON object."),
  UNAUTHORIZED(
      401,
      "Unauthorized",
      "No token, or a token with a bad signature, expired, or from another issuer."),
  FORBIDDEN(
      403,
      "Forbidden",
      "A valid caller whose role does not allow this, or a write naming a tenant the caller lacks."),
  NOT_FOUND(404, "NotFound", "No such id, or an item of a tenant the caller cannot see."),
  METHOD_NOT_ALLOWED(405, "MethodNotAllowed", "The method is not allowed on this path."),
  CONFLICT(
      409,
      "Conflict",
      "A retried create with an existing id but different content, or a change that raced the"
          + " If-Match check."),
  PRECONDITION_FAILED(412, "PreconditionFailed", "If-Match names a version that is stale."),
  PAYLOAD_TOO_LARGE(413, "PayloadTooLarge", "The body is larger than the configured limit."),
  UNSUPPORTED_MEDIA_TYPE(
      415,
      "UnsupportedMediaType",
      "A body in a media type other than JSON, form-encoded or multipart/form-data."),
  VALIDATION_FAILED(422, "ValidationFailed", "Validation failed: every failing field."),
  SERVICE_UNAVAILABLE(
      503,
      "ServiceUnavailable",
      "The database is out of reach for a moment (a restart, a failover): retry after the seconds"
          + " in Retry-After. A create retried with its id is safe.");

  final int status;
  final String componentName;
  final String description;

  ErrorResponse(int status, String componentName, String description) {
    this.status = status;
    this.componentName = componentName;
    this.description = description;
  }
}
