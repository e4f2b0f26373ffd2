import { eq } from 'drizzle-orm'
import { erasureRequests } from '../../../shared/db/schema'
import type { PersonalDataPart } from '../../platform/personal-data/contract'

/**
 * Requests to erase: a pending one is shown in the export; an erasure leaves the request without its address
 * (only that it was done, and when, is kept).
 */
export const privacyPersonalData: PersonalDataPart = {
  owner: 'privacy',
  tables: ['erasure_requests'],
  async exportFor({ db, email }) {
    const requests = await db
      .select({
        status: erasureRequests.status,
        eraseAfter: erasureRequests.eraseAfter,
        createdAt: erasureRequests.createdAt,
      })
      .from(erasureRequests)
      .where(eq(erasureRequests.email, email))
    return { erasureRequests: requests }
  },
  async planErasure({ db, email, now }) {
    return {
      statements: [
        db
          .update(erasureRequests)
          .set({ email: '', status: 'done', doneAt: now })
          .where(eq(erasureRequests.email, email)),
      ],
      objects: [],
    }
  },
}
