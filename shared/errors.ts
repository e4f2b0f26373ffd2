/** The closed set of reasons a request can fail for; each maps to exactly one HTTP status. */
export const errorCodes = [
  'bad_request',
  'malformed_json',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'length_required',
  'validation_failed',
  'rate_limited',
  'not_configured',
  // the database is briefly unreachable (a D1 hiccup): try again after Retry-After
  'unavailable',
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

/**
 * Why a request was refused, when a page must say more than its code: a closed set, so a route tells a stale
 * version from an archived visit by value, never by comparing the English detail sentence. Features add theirs.
 */
export const errorReasons = [
  // A write based on a version someone else has since replaced.
  'stale',
  // The visit is archived: nothing about it changes any more.
  'visit_archived',
  // accounts
  'last_owner',
  // visits: a host offer someone already accepted or declined
  'host_offer_decided',
  // rsvps: a larger party does not fit
  'no_room',
  // rsvps, talks: the visit's last day is over; nothing is taken any more
  'visit_ended',
  // talks
  'talk_locked',
  // talks: why a speaker may not take a slot (or the team remove one)
  'self_scheduling_off',
  'talk_not_confirmed',
  'slot_already_held',
  'slot_taken',
  'slot_too_short',
  'slot_clash',
  // photos: a part of an upload that cannot be taken now
  'part_unknown',
  'part_repeated',
  'part_out_of_order',
  'part_in_flight',
  // photos: an upload whose parts are not all there yet, an iPhone's HEIC, a picture the Images binding
  // could not read, over a limit
  'upload_incomplete',
  'heic',
  'image_unreadable',
  'file_too_large',
  'visit_full',
  // catering: an order cancelled or delivered takes no answer and sends nothing; a status step not possible
  'order_closed',
  'order_status',
  // releases: nothing changed since the last release, so there is nothing to publish
  'empty_release',
] as const
export type ErrorReason = (typeof errorReasons)[number]

/** A problem with one input field, for forms and for problem+json `errors`. */
export type FieldError = { field: string; message: string }

/** HTTP status of each error code. */
export function codeToStatus(
  code: ErrorCode,
): 400 | 401 | 403 | 404 | 405 | 409 | 411 | 413 | 415 | 422 | 429 | 500 | 503 {
  switch (code) {
    case 'bad_request':
    case 'malformed_json':
      return 400
    case 'unauthenticated':
      return 401
    case 'forbidden':
      return 403
    case 'not_found':
      return 404
    case 'method_not_allowed':
      return 405
    case 'conflict':
      return 409
    case 'payload_too_large':
      return 413
    case 'unsupported_media_type':
      return 415
    case 'length_required':
      return 411
    case 'validation_failed':
      return 422
    case 'rate_limited':
      return 429
    case 'not_configured':
    case 'unavailable':
      return 503
    case 'internal':
      return 500
  }
}

/** A failure the domain knows about. The message is safe to show; it never carries internals. */
export class DomainError extends Error {
  override readonly name = 'DomainError'
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly extra: {
      errors?: FieldError[]
      retryAfterSeconds?: number
      allow?: string[]
      reason?: ErrorReason
    } = {},
  ) {
    super(message ?? code)
  }
  /** The typed reason, when the code alone does not say enough (a page picks its sentence by it). */
  get reason(): ErrorReason | undefined {
    return this.extra.reason
  }
  get status() {
    return codeToStatus(this.code)
  }
}
