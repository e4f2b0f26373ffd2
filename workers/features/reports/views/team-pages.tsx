import { raw } from 'hono/html'
import { followUpStatuses } from '../../../../shared/db/schema'
import type { Messages } from '../../../../shared/i18n'
import { formatLocalDate, formatLongDate } from '../../../../shared/i18n/format'
import { Checkbox, ErrorSummary, Field, type FormState, Select, Textarea } from '../../../platform/ui/form'
import type { FollowUpRow } from '../follow-ups'
import { renderComment, renderMarkdown } from '../markdown'
import type { TeamReport } from '../reports'

/** The team's report page: its status and steps, the text with a preview, the photo impression, the comments. */
export function ReportEditPage({
  t,
  found,
  state,
  notice,
}: {
  t: Messages
  found: TeamReport
  state?: FormState | undefined
  notice?: string | undefined
}) {
  const { visit, report, access } = found
  const r = t.reports
  const canWrite = access === 'write'
  const chosen = new Set(found.photoIds)
  const steps =
    report?.status === 'draft'
      ? (['published'] as const)
      : report?.status === 'published'
        ? (['withdrawn'] as const)
        : report?.status === 'withdrawn'
          ? (['published', 'draft'] as const)
          : []
  const stepLabel = { published: r.publish, withdrawn: r.withdraw, draft: r.backToDraft }
  return (
    <article>
      <link rel="stylesheet" href="/assets/reports.css" />
      <p>
        <a href={`/visits/${visit.id}`}>{r.backToVisit}</a> ·{' '}
        <a href={`/visits/${visit.id}/follow-ups`}>{r.followUps.title}</a>
      </p>
      <h1>
        {r.title}: {visit.title}
      </h1>
      <p class="lead">{r.lead}</p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {report ? (
        <p>
          <span class="tag">{r.statuses[report.status]}</span>{' '}
          <a href={`/visits/${visit.id}/report/preview`}>{r.preview}</a>
          {report.status === 'published' ? (
            <>
              {' · '}
              <a href={`/v/${visit.slug}/report`}>{r.viewPublic}</a>
            </>
          ) : null}
        </p>
      ) : (
        <p class="notice">{r.notYet}</p>
      )}
      {!canWrite ? <p class="muted">{r.readOnly}</p> : null}
      {canWrite && report && steps.length > 0 ? (
        <div class="actions">
          {steps.map((s) => (
            <form method="post" action={`/visits/${visit.id}/report/status`} class="inline-form">
              <input type="hidden" name="status" value={s} />
              <input type="hidden" name="version" value={String(report.version)} />
              <button type="submit" class={s === 'published' ? undefined : 'secondary'}>
                {stepLabel[s]}
              </button>
            </form>
          ))}
        </div>
      ) : null}
      {canWrite ? (
        <form method="post" action={`/visits/${visit.id}/report`} class="report-form">
          <ErrorSummary t={t} state={state} />
          {report ? <input type="hidden" name="version" value={String(report.version)} /> : null}
          <Field
            name="title"
            label={r.fields.title}
            state={state}
            value={report?.title ?? visit.title}
            required
          />
          <Select
            name="category"
            label={r.fields.category}
            state={state}
            value={report?.category ?? 'report'}
            options={[
              { value: 'report', label: r.categories.report },
              { value: 'news', label: r.categories.news },
            ]}
          />
          <Field
            name="authorName"
            label={r.fields.authorName}
            hint={r.fields.authorHint}
            state={state}
            value={report?.authorName ?? ''}
          />
          <Textarea
            name="intro"
            label={r.fields.intro}
            hint={r.fields.introHint}
            state={state}
            value={report?.intro ?? ''}
            rows={3}
          />
          <Textarea
            name="body"
            label={r.fields.body}
            hint={r.fields.bodyHint}
            state={state}
            value={report?.body ?? ''}
            rows={14}
          />
          <Checkbox
            name="showProgramme"
            label={r.fields.showProgramme}
            state={state}
            checked={report?.showProgramme ?? true}
          />
          <Checkbox
            name="showTalks"
            label={r.fields.showTalks}
            state={state}
            checked={report?.showTalks ?? true}
          />
          <fieldset id="field-photoIds">
            <legend>{r.fields.photos}</legend>
            <p class="muted">{r.fields.photosHint}</p>
            <input type="hidden" name="photoIds" value="" />
            {found.choosable.length === 0 ? <p class="muted">{r.fields.noPhotos}</p> : null}
            <ul class="report-photo-choice">
              {found.choosable.map((p) => (
                <li>
                  <label>
                    <img
                      src={`/visits/${visit.id}/photos/${p.id}/preview/thumb`}
                      width={p.thumbWidth}
                      height={p.thumbHeight}
                      alt={p.caption || p.credit || r.fields.photos}
                      loading="lazy"
                    />
                    <input type="checkbox" name="photoIds" value={p.id} checked={chosen.has(p.id)} />{' '}
                    {p.caption || p.credit}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit">{r.save}</button>
        </form>
      ) : null}
      {report ? (
        <section aria-labelledby="preview-title" class="preview-frame">
          <h2 id="preview-title">{r.previewTitle}</h2>
          <h3>{report.title}</h3>
          {report.intro ? <div class="report-intro">{raw(renderMarkdown(report.intro))}</div> : null}
          {report.body ? <div class="report-body">{raw(renderMarkdown(report.body))}</div> : null}
        </section>
      ) : null}
      {report ? (
        <section aria-labelledby="comments" id="comments-section">
          <h2 id="comments">{r.comments.moderationTitle}</h2>
          {found.comments.length === 0 ? <p class="muted">{r.comments.moderationEmpty}</p> : null}
          <ol class="report-comments">
            {found.comments.map((cm) => (
              <li>
                <p class="comment-meta">
                  <strong>{cm.name}</strong> · {formatLongDate(cm.createdAt, visit.timeZone, t.locale)} ·{' '}
                  <span class="tag">{r.comments.statuses[cm.status]}</span>
                </p>
                {/* Links in a comment become clickable only once it is approved. */}
                <div class="comment-body">{raw(renderComment(cm.body, cm.status))}</div>
                {canWrite && cm.status !== 'withdrawn' ? (
                  <div class="actions">
                    {(['approved', 'rejected'] as const)
                      .filter((s) => s !== cm.status)
                      .map((s) => (
                        <form
                          method="post"
                          action={`/visits/${visit.id}/report/comments/${cm.id}`}
                          class="inline-form"
                        >
                          <input type="hidden" name="status" value={s} />
                          <button type="submit" class={s === 'approved' ? undefined : 'secondary'}>
                            {s === 'approved' ? r.comments.approve : r.comments.reject}
                          </button>
                        </form>
                      ))}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  )
}

type Member = { id: string; name: string; email: string }
const memberLabel = (m: Member) => m.name || m.email

/** The filter bar of a follow-up list: status (with "overdue"), owner, and the visit on a team's list. */
function Filters({
  t,
  action,
  members,
  visits,
  values,
}: {
  t: Messages
  action: string
  members: readonly Member[]
  visits?: readonly { id: string; title: string }[]
  values: { status: string; ownerId: string; visitId: string }
}) {
  const f = t.reports.followUps
  return (
    <form method="get" action={action} class="follow-up-filters">
      <Select
        name="status"
        label={f.status}
        value={values.status}
        options={[
          { value: 'all', label: f.all },
          { value: 'overdue', label: f.overdue },
          ...followUpStatuses.map((s) => ({ value: s, label: f.statuses[s] })),
        ]}
      />
      <Select
        name="ownerId"
        label={f.owner}
        value={values.ownerId}
        options={[
          { value: '', label: f.anyOwner },
          ...members.map((m) => ({ value: m.id, label: memberLabel(m) })),
        ]}
      />
      {visits ? (
        <Select
          name="visitId"
          label={f.visit}
          value={values.visitId}
          options={[
            { value: '', label: f.anyVisit },
            ...visits.map((v) => ({ value: v.id, label: v.title })),
          ]}
        />
      ) : null}
      <button type="submit" class="secondary">
        {f.filter}
      </button>
    </form>
  )
}

/** The follow-ups as a table: title, visit, owner, date (overdue marked), status. */
function FollowUpTable({
  t,
  rows,
  showVisit,
}: {
  t: Messages
  rows: readonly FollowUpRow[]
  showVisit: boolean
}) {
  const f = t.reports.followUps
  if (rows.length === 0) return <p class="muted">{f.empty}</p>
  return (
    <div class="table-scroll">
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">{f.fields.title}</th>
            {showVisit ? <th scope="col">{f.visit}</th> : null}
            <th scope="col">{f.owner}</th>
            <th scope="col">{f.fields.dueDate}</th>
            <th scope="col">{f.status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={`/follow-ups/${row.id}`}>{row.title}</a>
              </th>
              {showVisit ? <td data-label={f.visit}>{row.visitTitle}</td> : null}
              <td data-label={f.owner}>{row.ownerId ? row.ownerName || row.ownerEmail : f.noOwner}</td>
              <td data-label={f.fields.dueDate} class={row.overdue ? 'overdue' : undefined}>
                {row.dueDate ? formatLocalDate(row.dueDate, t.locale) : f.noDue}
                {row.overdue ? ` (${f.overdue})` : ''}
              </td>
              <td data-label={f.status}>{f.statuses[row.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The fields of a follow-up, for a new one and for a change. */
function FollowUpFields({
  t,
  members,
  state,
  values,
}: {
  t: Messages
  members: readonly Member[]
  state?: FormState | undefined
  values?: {
    title: string
    description: string
    raisedBy: string
    ownerId: string | null
    dueDate: string | null
    status: string
    showOnReport: boolean
  }
}) {
  const f = t.reports.followUps
  return (
    <>
      <Field name="title" label={f.fields.title} state={state} value={values?.title} required />
      <Textarea
        name="description"
        label={f.fields.description}
        state={state}
        value={values?.description}
        rows={3}
      />
      <Field name="raisedBy" label={f.fields.raisedBy} state={state} value={values?.raisedBy} />
      <Select
        name="ownerId"
        label={f.fields.ownerId}
        state={state}
        value={values?.ownerId ?? ''}
        options={[
          { value: '', label: f.noOwner },
          ...members.map((m) => ({ value: m.id, label: memberLabel(m) })),
        ]}
      />
      <Field
        name="dueDate"
        type="date"
        label={f.fields.dueDate}
        state={state}
        value={values?.dueDate ?? ''}
      />
      <Select
        name="status"
        label={f.fields.status}
        state={state}
        value={values?.status ?? 'open'}
        options={followUpStatuses.map((s) => ({ value: s, label: f.statuses[s] }))}
      />
      <Checkbox
        name="showOnReport"
        label={f.fields.showOnReport}
        state={state}
        checked={values?.showOnReport ?? false}
      />
    </>
  )
}

/** A visit's follow-ups: the filtered list and, for organisers, the form for a new one. */
export function VisitFollowUpsPage({
  t,
  visit,
  access,
  rows,
  members,
  filter,
  state,
  notice,
}: {
  t: Messages
  visit: { id: string; title: string; teamId: string }
  access: 'write' | 'read'
  rows: readonly FollowUpRow[]
  members: readonly Member[]
  filter: { status: string; ownerId: string; visitId: string }
  state?: FormState | undefined
  notice?: string | undefined
}) {
  const f = t.reports.followUps
  return (
    <article>
      <link rel="stylesheet" href="/assets/reports.css" />
      <p>
        <a href={`/visits/${visit.id}`}>{t.reports.backToVisit}</a> ·{' '}
        <a href={`/visits/${visit.id}/report`}>{t.reports.title}</a> ·{' '}
        <a href={`/teams/${visit.teamId}/follow-ups`}>{f.teamLink}</a>
      </p>
      <h1>
        {f.title}: {visit.title}
      </h1>
      <p class="lead">{f.lead}</p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <Filters t={t} action={`/visits/${visit.id}/follow-ups`} members={members} values={filter} />
      <FollowUpTable t={t} rows={rows} showVisit={false} />
      {access === 'write' ? (
        <section aria-labelledby="add-title">
          <h2 id="add-title">{f.addTitle}</h2>
          <form method="post" action={`/visits/${visit.id}/follow-ups`}>
            <ErrorSummary t={t} state={state} />
            <FollowUpFields t={t} members={members} state={state} />
            <button type="submit">{f.add}</button>
          </form>
        </section>
      ) : null}
    </article>
  )
}

/** A team's follow-ups over all its visits, filterable. */
export function TeamFollowUpsPage({
  t,
  teamId,
  rows,
  members,
  visits,
  filter,
}: {
  t: Messages
  teamId: string
  rows: readonly FollowUpRow[]
  members: readonly Member[]
  visits: readonly { id: string; title: string }[]
  filter: { status: string; ownerId: string; visitId: string }
}) {
  const f = t.reports.followUps
  return (
    <article>
      <link rel="stylesheet" href="/assets/reports.css" />
      <p>
        <a href={`/teams/${teamId}`}>{t.teams.title}</a>
      </p>
      <h1>{f.title}</h1>
      <p class="lead">{f.lead}</p>
      <Filters
        t={t}
        action={`/teams/${teamId}/follow-ups`}
        members={members}
        visits={visits}
        values={filter}
      />
      <FollowUpTable t={t} rows={rows} showVisit />
    </article>
  )
}

/** One follow-up: its fields (editable by organisers, with a note for the history) and its history. */
export function FollowUpPage({
  t,
  found,
  state,
  notice,
}: {
  t: Messages
  found: {
    followUp: {
      id: string
      visitId: string
      title: string
      description: string
      raisedBy: string
      ownerId: string | null
      dueDate: string | null
      status: (typeof followUpStatuses)[number]
      showOnReport: boolean
      version: number
    }
    visit: { id: string; title: string; timeZone: string }
    access: 'write' | 'read'
    members: readonly Member[]
    history: readonly {
      id: string
      changes: Record<string, [unknown, unknown]>
      comment: string
      createdAt: Date
      actorName: string | null
      actorEmail: string | null
    }[]
  }
  state?: FormState | undefined
  notice?: string | undefined
}) {
  const f = t.reports.followUps
  const { followUp, visit, members } = found
  const who = new Map(members.map((m) => [m.id, memberLabel(m)]))
  const shown = (key: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return '—'
    if (key === 'status') return f.statuses[value as keyof typeof f.statuses] ?? String(value)
    if (key === 'ownerId') return who.get(String(value)) ?? '—'
    if (typeof value === 'boolean') return value ? '✓' : '✗'
    return String(value)
  }
  return (
    <article>
      <link rel="stylesheet" href="/assets/reports.css" />
      <p>
        <a href={`/visits/${visit.id}/follow-ups`}>{f.backToList}</a>
      </p>
      <h1>{followUp.title}</h1>
      <p class="muted">
        {visit.title} · <span class="tag">{f.statuses[followUp.status]}</span>
      </p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {found.access === 'write' ? (
        <form method="post" action={`/follow-ups/${followUp.id}`}>
          <ErrorSummary t={t} state={state} />
          <input type="hidden" name="version" value={String(followUp.version)} />
          <FollowUpFields t={t} members={members} state={state} values={followUp} />
          <Textarea name="comment" label={f.fields.comment} state={state} rows={2} />
          <button type="submit">{f.save}</button>
        </form>
      ) : (
        <>
          {followUp.description ? <p class="pre-line">{followUp.description}</p> : null}
          <p>
            {f.owner}: {followUp.ownerId ? who.get(followUp.ownerId) : f.noOwner} ·{' '}
            {followUp.dueDate ? f.dueOn(formatLocalDate(followUp.dueDate, t.locale)) : f.noDue}
          </p>
        </>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{f.history}</h2>
        {found.history.length === 0 ? <p class="muted">{f.noHistory}</p> : null}
        <ol class="report-comments">
          {found.history.map((h) => (
            <li>
              <p class="comment-meta">
                <strong>{h.actorName || h.actorEmail || '—'}</strong> ·{' '}
                {formatLongDate(h.createdAt, visit.timeZone, t.locale)}
              </p>
              <ul>
                {Object.entries(h.changes).map(([key, [before, after]]) => (
                  <li>
                    {f.changedField[key as keyof typeof f.changedField] ?? key}: {shown(key, before)} →{' '}
                    {shown(key, after)}
                  </li>
                ))}
              </ul>
              {h.comment ? <p class="pre-line">{h.comment}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  )
}
