import { visitKinds } from '../../../../shared/domain/visits'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate } from '../../../../shared/i18n/format'
import { Checkbox, Field, type FormState, Select, Textarea } from '../../../platform/ui/form'
import type { VisitRow } from '../queries'
import type { VisitAccess } from '../visits'

/** The visit fields every page header needs. */
export type VisitHead = Pick<
  VisitRow,
  'id' | 'title' | 'slug' | 'status' | 'startDate' | 'endDate' | 'teamId'
>

/** Budget cents as the form shows them: '1250' or '1250,50' (a decimal comma in Dutch). */
export function eurosForForm(cents: number | null | undefined, t: Messages): string {
  if (cents === null || cents === undefined) return ''
  const euros = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2)
  return t.lang === 'nl' ? euros.replace('.', ',') : euros
}

/** Euro formats per locale, made once: a page of catering orders writes dozens of amounts. */
const euroFormats = new Map<string, Intl.NumberFormat>()

export const money = (cents: number, t: Messages) => {
  let format = euroFormats.get(t.locale)
  if (!format) {
    format = new Intl.NumberFormat(t.locale, { style: 'currency', currency: 'EUR' })
    euroFormats.set(t.locale, format)
  }
  return format.format(cents / 100)
}

/** The visit's first and last day in words; one day when they are the same. */
export function VisitDates({ t, visit }: { t: Messages; visit: Pick<VisitRow, 'startDate' | 'endDate'> }) {
  return (
    <>
      <time datetime={visit.startDate}>{formatLocalDate(visit.startDate, t.locale)}</time>
      {visit.endDate !== visit.startDate ? (
        <>
          {' – '}
          <time datetime={visit.endDate}>{formatLocalDate(visit.endDate, t.locale)}</time>
        </>
      ) : null}
    </>
  )
}

/** The tabs of a visit for its team: overview, programme, company, releases. Hosts and caterers see none. */
export function VisitNav({
  t,
  visit,
  access,
  current,
}: {
  t: Messages
  visit: VisitHead
  access: VisitAccess
  current: 'overview' | 'programme' | 'participants' | 'talks' | 'rsvps' | 'catering' | 'releases'
}) {
  if (access !== 'organise' && access !== 'read') return null
  const base = `/visits/${visit.id}`
  const tabs = [
    ['overview', base],
    ['programme', `${base}/programme`],
    ['participants', `${base}/participants`],
    ['talks', `${base}/talks`],
    ['rsvps', `${base}/rsvps`],
    ['catering', `${base}/catering`],
    ['releases', `${base}/releases`],
  ] as const
  return (
    <nav class="tabs" aria-label={t.visits.nav}>
      <a href={`/teams/${visit.teamId}/visits`}>{t.visits.title}</a>
      {tabs.map(([key, href]) => (
        <a href={href} aria-current={key === current ? 'page' : undefined}>
          {t.visits.tabs[key]}
        </a>
      ))}
      {/* The venues are the team's, reachable from every visit that uses them. */}
      <a href={`/teams/${visit.teamId}/venues`}>{t.organiser.checklist.venuesOfVisit}</a>
    </nav>
  )
}

/** The fields of a visit, shared by the create and the edit form. */
export function VisitFields({
  t,
  state,
  visit,
}: {
  t: Messages
  state?: FormState | undefined
  visit?: (Omit<VisitRow, 'budgetCents'> & { budgetCents?: number | null }) | undefined
}) {
  return (
    <>
      <Select
        name="kind"
        label={t.visits.kind}
        options={visitKinds.map((k) => ({ value: k, label: t.visit.kinds[k] }))}
        state={state}
        value={visit?.kind ?? 'college_visit'}
      />
      <Field
        name="title"
        label={t.visits.name}
        hint={t.visits.nameHint}
        value={visit?.title}
        state={state}
        required
      />
      <Field name="slug" label={t.visits.slug} hint={t.visits.slugHint} value={visit?.slug} state={state} />
      <Field
        name="startDate"
        type="date"
        label={t.visits.startDate}
        value={visit?.startDate}
        state={state}
        required
      />
      <Field
        name="endDate"
        type="date"
        label={t.visits.endDate}
        value={visit?.endDate}
        state={state}
        required
      />
      <Field
        name="timeZone"
        label={t.visits.timeZone}
        hint={t.visits.timeZoneHint}
        value={visit?.timeZone ?? 'Europe/Amsterdam'}
        state={state}
      />
      <Textarea name="description" label={t.visits.description} value={visit?.description} state={state} />
      <Field name="meetingPoint" label={t.visits.meetingPoint} value={visit?.meetingPoint} state={state} />
      <Field
        name="expectedGuests"
        type="number"
        label={t.visits.expectedGuests}
        value={visit?.expectedGuests == null ? '' : String(visit.expectedGuests)}
        state={state}
      />
      <Field
        name="budgetCents"
        label={t.visits.budget}
        hint={t.visits.budgetHint}
        inputmode="decimal"
        value={eurosForForm(visit?.budgetCents, t)}
        state={state}
      />
      <Field
        name="walkingSpeedKmh"
        label={t.visits.walkingSpeed}
        hint={t.visits.walkingSpeedHint}
        inputmode="decimal"
        value={visit ? String(visit.walkingSpeedKmh).replace('.', t.lang === 'nl' ? ',' : '.') : ''}
        state={state}
      />
      <Checkbox name="listed" label={t.visits.listed} checked={visit?.listed ?? true} state={state} />
    </>
  )
}

/** A notice in a status region: saved, or changed by someone else. */
export function Notice({ text }: { text?: string | undefined }) {
  if (!text) return null
  return (
    <p class="notice" role="status">
      {text}
    </p>
  )
}
