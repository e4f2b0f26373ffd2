import { createApp } from './app'
import type { Bindings } from './env'
import { retryMail } from './jobs/mail-retry'

const app = createApp()

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    // The cron runs every 5 minutes (wrangler.toml); the mail job uses the planned time, not the start time.
    ctx.waitUntil(retryMail(env, new Date(controller.scheduledTime)))
  },
} satisfies ExportedHandler<Bindings>
