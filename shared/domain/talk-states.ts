// A talk's states alone, apart from the rules in talks.ts: the database schema names them, and every request
// loads the schema (issue 19: not the clash engine that talks.ts imports).
/** A talk's states, as in pretalx: draft → submitted → accepted → confirmed (or rejected, withdrawn, cancelled). */
export const talkStates = [
  'draft',
  'submitted',
  'accepted',
  'confirmed',
  'waitlisted',
  'rejected',
  'withdrawn',
  'cancelled',
] as const

/** Where a talk is in its life: draft → submitted → accepted → confirmed, or waitlisted, rejected, withdrawn, cancelled. */
export type TalkState = (typeof talkStates)[number]
