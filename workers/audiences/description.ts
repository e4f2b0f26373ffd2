import { createApp } from '../app'

/**
 * The API's own description (/api/openapi.json, /api/docs) is generated from every route that carries a
 * `doc()`, the public feeds' as well as the API's, so it is served by the whole application. A developer's
 * page, asked for rarely. Here (wrangler dev, the tests) that is the whole app; the deployed build
 * (scripts/build.mjs) puts in this module's place the document generated from the whole app at build time.
 */
export const app = createApp()
