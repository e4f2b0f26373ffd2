import { followRunningLate } from '../programme/running-late'
import { talksFollowRunningLate } from './talk-slots'

// Running late in the programme moves the talks' slots along, mails their speakers and publishes when asked.
// Imported by the feature's index and by each audience app that can run late (workers/audiences).
followRunningLate(talksFollowRunningLate)
