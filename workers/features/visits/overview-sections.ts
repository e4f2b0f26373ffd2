import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../platform/env'
import type { VisitAccess } from './visits'

/** A part of a visit's overview page that a feature above visits draws, for the reader's access to the visit. */
type OverviewSection = (
  c: Context<AppEnv>,
  visit: { id: string; teamId: string },
  access: VisitAccess,
) => Promise<Child | null>

// Catering sits above visits and programme, whose overview page shows its summary: it registers here what it
// draws, so the page asks for "the catering part" without importing the feature (as guest-room.ts does).
const sections = new Map<'catering', OverviewSection>()

/** Registers what a feature shows on the visit overview in its slot (the last registration holds). */
export function onVisitOverview(slot: 'catering', section: OverviewSection) {
  sections.set(slot, section)
}

/** The part a feature draws in a slot of the overview; null when no feature fills it. */
export async function overviewSection(
  slot: 'catering',
  c: Context<AppEnv>,
  visit: { id: string; teamId: string },
  access: VisitAccess,
): Promise<Child | null> {
  const section = sections.get(slot)
  return section ? section(c, visit, access) : null
}
