import type { Messages } from '../../../../shared/i18n'
import type { ChecklistStep } from '../checklist'

/** What is left to do for a visit, in order, each step a link, ticked off once done. */
export function VisitChecklist({ t, steps }: { t: Messages; steps: readonly ChecklistStep[] }) {
  const words = t.organiser.checklist
  const left = steps.filter((s) => !s.done).length
  const next = steps.find((s) => !s.done)
  return (
    <section class="checklist card" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{words.title}</h2>
      <p class="muted">{left === 0 ? words.allDone : words.left(left)}</p>
      <ol class="checklist-steps">
        {steps.map((s) => (
          <li class={s.done ? 'done' : s === next ? 'next' : undefined}>
            <span class="check" aria-hidden="true">
              {s.done ? '✓' : '○'}
            </span>{' '}
            <a href={s.href} aria-current={s === next ? 'step' : undefined}>
              {words.steps[s.key]}
            </a>
            <span class="visually-hidden">{s.done ? ` (${words.done})` : ` (${words.todo})`}</span>
            {s.count && s.count.of > 0 && !s.done ? (
              <span class="muted"> — {words.venuesPlaced(s.count.done, s.count.of)}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
