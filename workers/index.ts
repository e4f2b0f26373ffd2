import { createApp } from './app'
import type { Bindings } from './env'

const app = createApp()

export default {
  fetch: app.fetch,
  async scheduled(_controller, _env, _ctx) {
    // Mail retries and clean-up jobs are added by the features that need them.
  },
} satisfies ExportedHandler<Bindings>
