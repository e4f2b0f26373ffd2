import { onVisitOverview } from '../visits/overview-sections'
import { cateringOverviewSection } from './overview'

// The visit overview (drawn in programme) shows the catering summary this feature works out. Imported by the
// feature's index and by each audience app that draws the overview (workers/audiences).
onVisitOverview('catering', cateringOverviewSection)
