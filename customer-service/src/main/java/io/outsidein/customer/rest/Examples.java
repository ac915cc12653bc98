package io.outsidein.customer.rest;

/** Request and response examples of the OpenAPI document, kept apart to keep the resource short. */
final class Examples {
  private Examples() {}

  static final String CREATE =
      """
      {"displayName": "Ada Lovelace", "email": "ada@example.com", "phone": "+441632960961",
       "segment": "smb", "locale": "en-GB", "consents": {"marketing": true, "analytics": false},
       "externalRefs": {"crm": "C-1042"}, "attributes": {"tier": "gold", "employees": 12}}""";

  static final String CUSTOMER =
      """
      {"id": "6f1c2d4e-8a0b-4c5d-9e7f-102030405060", "displayName": "Ada Lovelace",
       "email": "ada@example.com", "phone": "+441632960961", "segment": "smb", "locale": "en-GB",
       "consents": {"marketing": true, "analytics": false}, "externalRefs": {"crm": "C-1042"},
       "attributes": {"tier": "gold", "employees": 12}, "status": "ACTIVE",
       "createdAt": "2025-01-15T09:30:00Z", "updatedAt": "2025-01-15T09:30:00Z"}""";

  static final String MERGED_CUSTOMER =
      """
      {"id": "0b6d4c1e-2f3a-4b5c-8d9e-aabbccddeeff", "displayName": "A. Lovelace",
       "email": null, "phone": null, "segment": "smb", "locale": null,
       "consents": {"marketing": false, "analytics": false}, "externalRefs": {},
       "attributes": {}, "status": "MERGED", "mergedInto": "6f1c2d4e-8a0b-4c5d-9e7f-102030405060",
       "createdAt": "2025-01-10T08:00:00Z", "updatedAt": "2025-02-01T10:00:00Z"}""";

  static final String PAGE =
      "{\"items\": ["
          + CUSTOMER
          + "], \"next\": \"NmYxYzJkNGUtOGEwYi00YzVkLTllN2YtMTAyMDMwNDA1MDYw\"}";

  static final String PATCH =
      """
      {"segment": "enterprise", "phone": null, "consents": {"analytics": true},
       "attributes": {"tier": null, "renewal": "2025-06"}}""";

  static final String MERGE = "{\"duplicateId\": \"0b6d4c1e-2f3a-4b5c-8d9e-aabbccddeeff\"}";

  static final String INVALID =
      """
      {"type": "https://outside-in.io/problems/validation", "title": "Invalid request",
       "status": 400, "detail": "email: must be a well-formed email address",
       "instance": "/customers", "errors": [{"field": "email",
       "message": "must be a well-formed email address"}]}""";

  static final String UNKNOWN_FIELD =
      """
      {"type": "https://outside-in.io/problems/validation", "title": "Invalid request",
       "status": 400, "detail": "nickname: unknown field", "instance": "/customers",
       "errors": [{"field": "nickname", "message": "unknown field"}]}""";

  static final String NOT_FOUND =
      """
      {"type": "https://outside-in.io/problems/not-found", "title": "Not found", "status": 404,
       "detail": "customer 6f1c2d4e-8a0b-4c5d-9e7f-102030405060 does not exist",
       "instance": "/customers/6f1c2d4e-8a0b-4c5d-9e7f-102030405060"}""";

  static final String GONE =
      """
      {"type": "https://outside-in.io/problems/gone", "title": "Gone", "status": 410,
       "detail": "customer 6f1c2d4e-8a0b-4c5d-9e7f-102030405060 was erased",
       "instance": "/customers/6f1c2d4e-8a0b-4c5d-9e7f-102030405060"}""";

  static final String DUPLICATE =
      """
      {"type": "https://outside-in.io/problems/conflict", "title": "Conflict", "status": 409,
       "detail": "a customer with this email exists", "instance": "/customers",
       "field": "email", "existingId": "6f1c2d4e-8a0b-4c5d-9e7f-102030405060"}""";

  static final String MERGE_CONFLICT =
      """
      {"type": "https://outside-in.io/problems/conflict", "title": "Conflict", "status": 409,
       "detail": "customer 0b6d4c1e-2f3a-4b5c-8d9e-aabbccddeeff is MERGED and cannot take part in a merge",
       "instance": "/customers/6f1c2d4e-8a0b-4c5d-9e7f-102030405060/merge",
       "customerId": "0b6d4c1e-2f3a-4b5c-8d9e-aabbccddeeff", "customerStatus": "MERGED"}""";

  static final String KEY_REUSED =
      """
      {"type": "https://outside-in.io/problems/unprocessable", "title": "Unprocessable request",
       "status": 422,
       "detail": "this Idempotency-Key was already used with a different request body",
       "instance": "/customers"}""";

  static final String TOO_LARGE =
      """
      {"type": "https://outside-in.io/problems/payload-too-large", "title": "Payload too large",
       "status": 413, "detail": "the request body is larger than 65536 bytes",
       "instance": "/customers"}""";

  static final String PRECONDITION_FAILED =
      """
      {"type": "https://outside-in.io/problems/precondition-failed",
       "title": "Precondition failed", "status": 412,
       "detail": "customer 6f1c2d4e-8a0b-4c5d-9e7f-102030405060 has changed since this ETag was read; read it again and retry",
       "instance": "/customers/6f1c2d4e-8a0b-4c5d-9e7f-102030405060"}""";

  static final String PRECONDITION_REQUIRED =
      """
      {"type": "https://outside-in.io/problems/precondition-required",
       "title": "Precondition required", "status": 428,
       "detail": "If-Match with the customer's ETag is required",
       "instance": "/customers/6f1c2d4e-8a0b-4c5d-9e7f-102030405060"}""";

  static final String BAD_CURSOR =
      """
      {"type": "https://outside-in.io/problems/validation", "title": "Invalid request",
       "status": 400,
       "detail": "cursor: is not a cursor of this search; start again without a cursor",
       "instance": "/customers", "errors": [{"field": "cursor",
       "message": "is not a cursor of this search; start again without a cursor"}]}""";
}
