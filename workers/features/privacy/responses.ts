import * as v from 'valibot'
import * as ex from './response-examples'

/** POST /privacy/requests 202 */
export const privacyRequestsPostResponse = v.pipe(
  v.object({ status: v.string() }),
  v.metadata({ examples: [ex.privacyRequestsPostExample] }),
)
