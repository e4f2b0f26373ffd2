// The placeholders of a decision mail, apart from the rules in talks.ts: every mail template fills them, and
// most requests that send mail need nothing else of talks.ts (issue 19).
/** The placeholders an organiser may use in a decision mail, filled in per speaker. */
export const templatePlaceholders = ['name', 'talk', 'visit', 'date'] as const
/** One placeholder's name. */
export type TemplatePlaceholder = (typeof templatePlaceholders)[number]

/** Fills `{name}`, `{talk}`, `{visit}` and `{date}`; anything else in braces is left as written. */
export function fillPlaceholders(text: string, values: Record<TemplatePlaceholder, string>): string {
  return text.replace(/\{([a-z]+)\}/g, (whole, key: string) =>
    (templatePlaceholders as readonly string[]).includes(key) ? values[key as TemplatePlaceholder] : whole,
  )
}
