import type { Messages } from '../../../shared/i18n'

type Summary = { before: Record<string, unknown>; after: Record<string, unknown> }
type Entry = { action: string; summary: Summary; actorName: string | null; actorEmail: string | null }

/** The name of what an entry is about, as it was logged (a title or a name), if any. */
function nameOf(summary: Summary): string | null {
  for (const side of [summary.after, summary.before]) {
    for (const key of ['title', 'name', 'venueName', 'email']) {
      const v = side?.[key]
      if (typeof v === 'string' && v.trim() !== '' && v !== '•••') return v
    }
  }
  return null
}

/**
 * An audit entry as a sentence in the reader's language ("Marja de Vries heeft het programmaonderdeel ‘Welkom’
 * gewijzigd."), with the changed fields named; codes the dictionary does not know read as plain words.
 */
export function auditSentence(t: Messages, entry: Entry): { sentence: string; changed: string[] } {
  const words = t.organiser.audit
  const [thing = '', deed = ''] = entry.action.split('.')
  const who = entry.actorName || entry.actorEmail || words.someone
  const noun = (words.nouns as Record<string, string | undefined>)[thing] ?? thing.replaceAll('_', ' ')
  const verb = (words.verbs as Record<string, string | undefined>)[deed] ?? deed.replaceAll('_', ' ')
  const name = nameOf(entry.summary)
  const sentence = words.sentence(who, noun, verb, name)
  const labels = t.organiser.fieldLabels as Record<string, string | undefined>
  const changed =
    Object.keys(entry.summary.before ?? {}).length > 0 && Object.keys(entry.summary.after ?? {}).length > 0
      ? Object.keys(entry.summary.after).map((k) => (labels[k] ?? k).toLowerCase())
      : []
  return { sentence, changed }
}
