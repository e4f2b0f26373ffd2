// The Worker as the tests run it: workers/index.ts, with every audience's app imported up front. The Worker
// imports them on demand; under the test pool such an import() goes through Vite, and requests that waited at
// once for the same first import went on in the first one's I/O context, where D1 refused them ("Cannot
// perform I/O on behalf of a different request", eight PATCHes at once in races.test.ts; the run then hung).
// Loaded here, before any request, each import() finds its module ready. The deployed Worker has its modules
// in memory, and workers/audiences/audiences.test.ts still checks the dispatch itself.
import '../../workers/audiences/api-catering'
import '../../workers/audiences/api-guests'
import '../../workers/audiences/api-photos'
import '../../workers/audiences/api-programme'
import '../../workers/audiences/api-reports'
import '../../workers/audiences/api-talks'
import '../../workers/audiences/api'
import '../../workers/audiences/description'
import '../../workers/audiences/dev'
import '../../workers/audiences/gallery'
import '../../workers/audiences/privacy'
import '../../workers/audiences/providers'
import '../../workers/audiences/reader'
import '../../workers/audiences/report'
import '../../workers/audiences/speakers'
import '../../workers/audiences/team-catering'
import '../../workers/audiences/team-guests'
import '../../workers/audiences/team-photos'
import '../../workers/audiences/team-programme'
import '../../workers/audiences/team-reports'
import '../../workers/audiences/team-talks'
import '../../workers/audiences/team'

export { default } from '../../workers/index'
