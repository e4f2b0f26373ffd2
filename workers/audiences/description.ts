import { createApp } from '../app'

/**
 * The API's own description (/api/openapi.json, /api/docs) is generated from every route that carries a
 * `doc()`, the public feeds' as well as the API's, so it is served by the whole application. A developer's
 * page, asked for rarely: the one request that loads everything.
 */
export const app = createApp()
