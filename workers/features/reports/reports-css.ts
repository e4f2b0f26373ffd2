/** The reports' own stylesheet (the report, its comments, the news), served by the Worker. */
export const reportsCss = `
.report header h1 { margin-bottom: .25rem; }
.report-intro { font-size: 1.1rem; }
.report-body, .report-intro, .comment-body { overflow-wrap: anywhere; }
.report-body img { max-width: 100%; height: auto; }
.report-programme { padding-left: 1.25rem; }
.report-programme li { margin: .25rem 0; }
.report-programme time { font-variant-numeric: tabular-nums; font-weight: 600; }
.report-programme .is-cancelled { color: var(--muted); }
.report-programme .tag, .report-follow-ups .tag { margin-left: .4rem; }
.report-talk { border-left: 3px solid var(--line); padding-left: .75rem; margin: 1rem 0; }
.report-follow-ups { list-style: none; padding: 0; }
.report-follow-ups li { margin: .5rem 0; }
.status-done { background: #dff3e4; }
.report-comments { list-style: none; padding: 0; }
.report-comments li { border-top: 1px solid var(--line); padding: .5rem 0; }
.comment-meta { margin: 0; font-size: .9rem; }
.pre-line { white-space: pre-line; }
.break-all { overflow-wrap: anywhere; }
.hp-field { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.news-entry { border-top: 1px solid var(--line); padding: .5rem 0; }
.news-entry h3 { margin: .25rem 0; }
.news-categories { margin: .5rem 0 1rem; }
.news-categories a[aria-current] { font-weight: 700; }
.follow-up-filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
.follow-up-filters .field { margin: 0; }
.overdue { color: var(--danger); font-weight: 600; }
.report-photo-choice { list-style: none; padding: 0; display: grid; gap: .5rem; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); }
.report-photo-choice label { display: block; }
.report-photo-choice img { display: block; width: 100%; height: auto; border-radius: 4px; }
.preview-frame { border: 2px dashed var(--line); border-radius: var(--radius); padding: 1rem; margin: 1rem 0; }
`
