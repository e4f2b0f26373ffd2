import { applyD1Migrations, env } from 'cloudflare:test'
// What the Worker imports on demand inside a request, loaded before any request, as worker-entry.ts loads every
// audience's app: under the pool, requests that waited at once for the same first import() went on in the first
// one's I/O context, where D1 refused them (see worker-entry.ts). The dictionaries (the i18n middleware), the
// static assets' text (their routes) and what renders a report's, the news page's and the feed's Markdown
// (workers/features/reports/public.tsx). A new import() inside a request belongs here too.
import '../../shared/i18n/en'
import '../../shared/i18n/nl'
import '../../workers/features/releases/schedule-assets'
import '../../workers/features/reports/markdown'
import '../../workers/features/reports/news-feed'
import '../../workers/features/reports/views/news-page'
import '../../workers/features/reports/views/report-article'
import '../../workers/platform/assets/app-css'
import '../../workers/platform/assets/icon-png'

// Each test file gets its own isolated storage; bring its D1 up to the current schema first.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
