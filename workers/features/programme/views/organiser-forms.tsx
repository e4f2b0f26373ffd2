import { raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { Messages } from '../../../../shared/i18n'
import { Checkbox, ErrorSummary, Field, type FormState, Select } from '../../../platform/ui/form'
import { ItemFields } from './item-fields'

/** What the organiser's forms on the programme page offer: the visit's zone and first day, venues, groups. */
export type FormsInput = {
  visit: { id: string; timeZone: string; startDate: string }
  venues: readonly { id: string; name: string }[]
  groups: readonly { id: string; name: string }[]
}

/** The forms to add an item and to shift for running late, one after the other. */
function ItemForms({
  t,
  programme,
  day,
  addState,
  lateState,
}: {
  t: Messages
  programme: FormsInput
  day: string
  addState?: FormState | undefined
  lateState?: FormState | undefined
}) {
  const base = `/visits/${programme.visit.id}`
  return (
    <>
      <section aria-labelledby="add-item">
        <h2 id="add-item">{t.programme.addItem}</h2>
        <ErrorSummary t={t} state={addState} />
        <form method="post" action={`${base}/items`} novalidate>
          <ItemFields t={t} programme={programme} state={addState} defaultDate={day} />
          <button type="submit">{t.programme.addItemButton}</button>
        </form>
      </section>
      <section aria-labelledby="running-late">
        <h2 id="running-late">{t.programme.runningLate}</h2>
        <p class="muted">{t.programme.runningLateIntro}</p>
        <ErrorSummary t={t} state={lateState} />
        <form method="post" action={`${base}/running-late`} novalidate>
          <Select
            name="groupId"
            id="field-late-groupId"
            label={t.programme.whichGroup}
            options={[
              { value: '', label: t.programme.allGroups },
              ...programme.groups.map((g) => ({ value: g.id, label: g.name })),
            ]}
            state={lateState}
          />
          <Field
            name="minutes"
            type="number"
            label={t.programme.minutes}
            hint={t.programme.minutesHint}
            state={lateState}
            required
          />
          <div class="field-row">
            <Field name="from.date" type="date" label={t.programme.fromDate} state={lateState} />
            <Field name="from.time" type="time" label={t.programme.fromTime} state={lateState} />
          </div>
          <Checkbox
            name="publish"
            label={t.travel.late.publishNow}
            hint={t.travel.late.publishHint}
            state={lateState}
          />
          <button type="submit" class="secondary">
            {t.programme.shiftButton}
          </button>
        </form>
      </section>
    </>
  )
}

/** The form to add a group. */
function GroupForm({ t, visitId, state }: { t: Messages; visitId: string; state?: FormState | undefined }) {
  return (
    <>
      <ErrorSummary t={t} state={state} />
      <form method="post" action={`/visits/${visitId}/groups`} novalidate>
        <Field name="name" id="field-group-name" label={t.programme.groupName} state={state} required />
        <Field
          name="position"
          id="field-group-position"
          type="number"
          label={t.programme.position}
          state={state}
        />
        <button type="submit" class="secondary">
          {t.programme.addGroupButton}
        </button>
      </form>
    </>
  )
}

/**
 * The empty forms as HTML, kept per isolate by everything they show (language, visit, day, venues and groups
 * with their names), so an organiser's next look at the programme does not render them again: with 40 venues
 * and the fields of an item they were most of the JSX left on the page. A form shown again after a refused
 * submit (with its values and errors) is rendered afresh and not kept.
 */
const kept = new Map<string, HtmlEscapedString>()
const keptLimit = 64

/** These forms hold no async component, so hono renders them to a string at once. */
const sync = (node: unknown): HtmlEscapedString => {
  const html = (node as { toString(): string | Promise<string> }).toString()
  if (typeof html !== 'string') throw new Error('the programme forms rendered asynchronously')
  return raw(html)
}

function keptOr(key: string, render: () => unknown): HtmlEscapedString {
  const found = kept.get(key)
  if (found) return found
  const html = sync(render())
  if (kept.size >= keptLimit) kept.clear()
  kept.set(key, html)
  return html
}

/** What the cached forms depend on, as one key (names included, so a renamed venue is a new key). */
const keyOf = (t: Messages, programme: FormsInput, day: string) => {
  const { visit } = programme
  const parts = [t.lang, visit.id, visit.timeZone, visit.startDate, day]
  for (const v of programme.venues) parts.push(v.id, v.name)
  parts.push('|')
  for (const g of programme.groups) parts.push(g.id, g.name)
  // A separator no id or name can hold unescaped in a key: the parts are JSON strings.
  return JSON.stringify(parts)
}

export function itemFormsHtml(
  t: Messages,
  programme: FormsInput,
  day: string,
  addState?: FormState,
  lateState?: FormState,
): HtmlEscapedString {
  const render = () => (
    <ItemForms t={t} programme={programme} day={day} addState={addState} lateState={lateState} />
  )
  return addState || lateState ? sync(render()) : keptOr(`items${keyOf(t, programme, day)}`, render)
}

export function groupFormHtml(t: Messages, visitId: string, state?: FormState): HtmlEscapedString {
  const render = () => <GroupForm t={t} visitId={visitId} state={state} />
  return state ? sync(render()) : keptOr(`group${JSON.stringify([t.lang, visitId])}`, render)
}
