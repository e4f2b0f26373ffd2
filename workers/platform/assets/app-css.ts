import { iconPath } from './icon-path'
import { timelineLimits } from './timeline-limits'

/**
 * Grid placement classes for the day view. The CSP allows no style attributes, so every row and column a
 * block can start at or span gets a class of its own (about 650 short rules).
 */
function timelineCss(): string {
  const rules: string[] = []
  // Row 1 holds the lane names; time rows start at 2.
  for (let n = 1; n <= timelineLimits.rows + 1; n++) rules.push(`.tl-rs-${n}{grid-row-start:${n}}`)
  for (let n = 1; n <= timelineLimits.rows; n++) rules.push(`.tl-rn-${n}{grid-row-end:span ${n}}`)
  for (let n = 1; n <= timelineLimits.lanes + 1; n++) {
    rules.push(`.tl-cs-${n}{grid-column-start:${n}}`, `.tl-cn-${n}{grid-column-end:span ${n}}`)
  }
  for (let n = 1; n <= timelineLimits.lanes; n++) {
    rules.push(`.tl-lanes-${n}{grid-template-columns:3.5rem repeat(${n},minmax(7.5rem,1fr))}`)
  }
  return rules.join('\n')
}

/** The one stylesheet, served by the Worker itself (no CDN, no external fonts). */
export const appCss = `
:root {
  --ink: #1b1f24; --muted: #4a5561; --paper: #ffffff; --wash: #f3f6f4; --line: #c9d2cc;
  --brand: #1f6b3a; --brand-ink: #ffffff; --accent: #8a4b08; --danger: #a1241b; --focus: #ffbf47;
  --radius: 10px; --gap: 1rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--paper); line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; font-size: 1.0625rem; }
.wrap { max-width: 60rem; margin: 0 auto; padding: 0 var(--gap); }
a { color: var(--brand); text-underline-offset: 0.15em; }
a:hover { color: #134425; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--ink); color: #fff; padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: 0; }
.site-header { background: var(--brand); color: var(--brand-ink); }
.site-header .wrap { display: flex; align-items: center; justify-content: space-between; min-height: 3.5rem; gap: var(--gap); }
.site-header a { color: var(--brand-ink); font-weight: 600; }
.brand { font-size: 1.25rem; text-decoration: none; }
.site-header nav { display: flex; gap: 1rem; flex-wrap: wrap; }
main { padding-top: 1.5rem; padding-bottom: 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .75rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; }
.lead { font-size: 1.15rem; color: var(--muted); }
.muted { color: var(--muted); font-size: .95rem; }
.button, button { display: inline-block; background: var(--brand); color: var(--brand-ink); border: 0; border-radius: var(--radius);
  padding: .65rem 1.1rem; font: inherit; font-weight: 600; text-decoration: none; cursor: pointer; min-height: 44px; }
.button:hover, button:hover { background: #134425; color: #fff; }
.button.secondary, button.secondary { background: var(--wash); color: var(--ink); border: 1px solid var(--line); }
.button.danger, button.danger { background: var(--danger); color: #fff; }
.facts { display: grid; grid-template-columns: minmax(6rem, max-content) 1fr; gap: .25rem 1rem; margin: .5rem 0 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.plain-list { list-style: none; padding: 0; display: grid; gap: .75rem; }
.cards { list-style: none; padding: 0; display: grid; gap: var(--gap); grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
.card { border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; background: var(--paper); }
.card h3 { margin: .25rem 0 .5rem; font-size: 1.15rem; }
.tag { display: inline-block; font-size: .85rem; background: var(--wash); border: 1px solid var(--line); border-radius: 999px; padding: 0 .6rem; }
.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
.timeline li { position: relative; padding: .5rem 0 1rem 1.25rem; }
.timeline li::before { content: ""; position: absolute; left: -8px; top: .9rem; width: 13px; height: 13px; border-radius: 50%; background: var(--brand); }
.timeline li.cancelled { color: var(--muted); }
.timeline li.cancelled .item-title { text-decoration: line-through; }
.timeline time { font-variant-numeric: tabular-nums; font-weight: 600; }
.item-title { font-weight: 600; display: block; }
.venue-list { display: grid; gap: var(--gap); grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); padding: 0; list-style: none; }
form .field { margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
input, select, textarea { font: inherit; width: 100%; max-width: 32rem; padding: .55rem .7rem; border: 2px solid #6b7780; border-radius: 6px; background: #fff; color: var(--ink); min-height: 44px; }
.field-error { color: var(--danger); font-weight: 600; margin: .25rem 0 0; }
input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"] { border-color: var(--danger); }
.error-summary { border: 3px solid var(--danger); border-radius: var(--radius); padding: 1rem; margin-bottom: 1.5rem; }
.notice { border-left: 5px solid var(--brand); background: var(--wash); padding: .75rem 1rem; border-radius: 4px; }
.notice.success { border-left-width: 8px; margin: 0 0 1rem; }
.checklist { margin: 1rem 0 1.5rem; }
.checklist h2 { margin-top: 0; font-size: 1.2rem; }
.checklist-steps { padding-left: 0; list-style: none; margin: .5rem 0 0; display: grid; gap: .35rem; }
.checklist-steps .check { display: inline-block; width: 1.4rem; font-weight: 700; color: var(--muted); }
.checklist-steps li.done .check { color: var(--brand); }
.checklist-steps li.done a { color: var(--muted); }
.checklist-steps li.next a { font-weight: 700; }
.button-row { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
.notice.success p { margin: .25rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--wash); padding: .75rem; border-radius: 6px; }
.inline-form { display: inline-flex; gap: .5rem; align-items: center; margin: .25rem 0; }
.inline-form select { width: auto; }
.link-button { background: none; border: 0; color: inherit; padding: 0; min-height: 0; font-weight: 600; text-decoration: underline; text-underline-offset: .15em; }
.site-header .link-button { color: var(--brand-ink); }
.site-header nav { align-items: center; }
.view-switch { display: flex; gap: 1rem; margin: 1rem 0; }
.view-switch a[aria-current="page"] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--brand); }
.narrow { max-width: 36rem; }
.card-title { font-size: 1.15rem; margin: .25rem 0 .5rem; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); padding: 1.5rem 0; font-size: .95rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.tabs { display: flex; flex-wrap: wrap; gap: .25rem 1rem; border-bottom: 2px solid var(--line); margin-bottom: 1.25rem; padding-bottom: .5rem; }
.tabs a[aria-current="page"] { font-weight: 700; color: var(--ink); text-decoration-thickness: 3px; }
.details { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
.details dt { font-weight: 600; }
.details dd { margin: 0; }
.prewrap { white-space: pre-wrap; }
.nowrap { white-space: nowrap; font-variant-numeric: tabular-nums; }
.slot { border: 1px dashed var(--line); border-radius: var(--radius); padding: 0 1rem .5rem; margin-top: 1rem; }
.clash-summary.has-clashes a, h2.has-clashes { color: var(--accent); }
.clash-list { padding-left: 1.25rem; }
.clash-list li { border-left: 5px solid var(--accent); background: #fbf4ec; padding: .5rem .75rem; margin: 0 0 .75rem; border-radius: 4px; }
.clash-list p { margin: .25rem 0; }
.clash-flag { color: var(--accent); font-weight: 700; }
.change-list { padding-left: 1.25rem; }
.release { border-top: 1px solid var(--line); padding-top: .5rem; }
.release h3 { margin: .5rem 0 0; }
.field-row { display: flex; flex-wrap: wrap; gap: 0 1rem; }
.field-row .field { flex: 1 1 10rem; }
fieldset.checkboxes { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; max-width: 32rem; }
fieldset.checkboxes legend { font-weight: 600; padding: 0 .25rem; }
fieldset.dietary-counts { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; max-width: 32rem; }
fieldset.dietary-counts legend { font-weight: 600; padding: 0 .25rem; }
.dietary-counts .field { display: grid; grid-template-columns: 1fr 5.5rem; align-items: center; gap: 0 .75rem; margin: .35rem 0; }
.dietary-counts .field .field-error { grid-column: 1 / -1; }
.dietary-counts input { width: 100%; }
.checkbox-field { display: flex; align-items: center; gap: .5rem; margin: .25rem 0; }
.checkbox-field input[type="checkbox"] { width: 1.4rem; height: 1.4rem; min-height: 0; margin: 0; flex: none; }
.checkbox-field label { margin: 0; font-weight: 400; }
.field.checkbox-field { flex-wrap: wrap; }
.field.checkbox-field .muted, .field.checkbox-field .field-error { flex-basis: 100%; }
.offer .inline-form { align-items: flex-end; margin-right: .5rem; }
.offer .inline-form .field { margin: 0; }
fieldset.plain { border: 0; padding: 0; margin: 0 0 1rem; }
fieldset.plain > legend { font-size: 1.2rem; font-weight: 700; margin-bottom: .5rem; }
.link-box { font-size: 1rem; word-break: break-all; }
table.programme-list caption { text-align: left; font-weight: 600; padding: .5rem 0; }
tr.cancelled .item-title-link { text-decoration: line-through; }
.tl-scroll { overflow-x: auto; margin: 0 0 1.5rem; border: 1px solid var(--line); border-radius: var(--radius);
  /* Shadows at an edge with more lanes beyond it: a hint that the day view scrolls sideways. */
  background: linear-gradient(to right, var(--paper) 30%, transparent), linear-gradient(to left, var(--paper) 30%, transparent) 100% 0,
    radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.25), transparent), radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.25), transparent) 100% 0;
  background-repeat: no-repeat; background-size: 2.5rem 100%, 2.5rem 100%, .9rem 100%, .9rem 100%; background-attachment: local, local, scroll, scroll; }
.tl-scroll:focus-visible { outline: 3px solid var(--focus); }
/* On a wide screen the day view takes the window's width, not the text column's, so more lanes are in view. */
@media (min-width: 64rem) { .tl-scroll { width: calc(100vw - 4rem); margin-left: calc((100% - 100vw + 4rem) / 2); } }
.tl-item .tl-who { display: none; }
.day-grid { display: grid; position: relative; }
.day-grid.tl-step-15 { grid-auto-rows: minmax(1.6rem, auto); }
.day-grid.tl-step-5 { grid-auto-rows: minmax(.7rem, auto); }
.tl-lane { font-weight: 600; padding: .4rem .5rem; background: var(--wash); border-left: 1px solid var(--line); border-bottom: 2px solid var(--line); position: sticky; top: 0; z-index: 2; }
.tl-corner { background: var(--wash); border-bottom: 2px solid var(--line); }
.tl-hour { border-top: 1px solid var(--line); z-index: 0; }
.tl-time { font-size: .85rem; color: var(--muted); padding: 0 .4rem; font-variant-numeric: tabular-nums; z-index: 1; }
.tl-item { z-index: 1; display: block; overflow: hidden; margin: 1px 3px; padding: .15rem .4rem; border-radius: 6px;
  background: #e3efe7; border: 1px solid #9cc3a8; color: var(--ink); text-decoration: none; font-size: .9rem; line-height: 1.3; }
.tl-item:hover { background: #d2e6d9; color: var(--ink); }
.tl-item .tl-when { font-variant-numeric: tabular-nums; font-weight: 600; }
.tl-item .tl-venue { color: var(--muted); }
.tl-item.kind-travel, .tl-item.kind-walk { background: #eef1f6; border-color: #a9b5c9; }
.tl-item.kind-catering, .tl-item.kind-break { background: #f7f0e1; border-color: #d5bf8f; }
.tl-item.has-clash { border: 2px solid var(--accent); }
.tl-item.tl-overlap { margin-left: 1.25rem; z-index: 2; box-shadow: -3px 0 0 var(--paper); }
/* On a phone the day view is a list in time order, unless the lanes were asked for. */
@media (max-width: 40rem) {
  .tl-scroll:has(.tl-auto) { border: 0; overflow: visible; background: none; }
  .day-grid.tl-auto { display: flex; flex-direction: column; gap: .4rem; min-width: 0; }
  .tl-auto .tl-lane, .tl-auto .tl-corner, .tl-auto .tl-hour, .tl-auto .tl-time, .tl-auto .tl-more { display: none; }
  .tl-auto .tl-item { margin: 0; padding: .5rem .6rem; font-size: 1rem; min-height: 44px; }
  .tl-auto .tl-item .tl-who { display: inline; color: var(--muted); }
  .tl-auto ~ .tl-hint, .tl-hint:has(+ .tl-scroll .tl-auto) { display: none; }
}
.tl-item.cancelled .tl-title { text-decoration: line-through; }
/* Catering: warnings, counts, contributions, and an order sheet that prints on one A4. */
.catering-warn { border-left: 5px solid var(--accent); background: #fbf4ec; padding: .5rem .75rem; border-radius: 4px; margin: .5rem 0; }
.catering-warnings { list-style: none; padding: 0; margin: .5rem 0; }
.tag.status-requested { background: #fdf3d8; border-color: #d9b95c; }
.tag.status-confirmed { background: #e3efe7; border-color: #9cc3a8; }
.tag.status-delivered { background: #e8eef8; border-color: #a9b5c9; }
.tag.status-cancelled { text-decoration: line-through; color: var(--muted); }
.card.order.status-cancelled { opacity: .75; }
.count-lines { margin: .25rem 0 1rem; padding-left: 1.25rem; }
.dietary-table { max-width: 22rem; margin: 0 0 1rem; }
.dietary-table caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.dietary-table th { font-weight: 400; }
.food-notes { padding-left: 1.25rem; }
.over-budget { color: var(--danger); font-weight: 700; }
.provider-list { padding-left: 1.25rem; overflow-wrap: anywhere; }
.contributions { list-style: none; padding: 0; }
.contributions li { border-bottom: 1px solid var(--line); padding: .5rem 0; }
.contributions li.done strong { text-decoration: line-through; text-decoration-thickness: 2px; }
.contribution-forms, .contributions .inline-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
.contribution-forms .field { margin: 0; }
.status-steps { list-style: none; padding: 0; }
.status-steps li { margin: .25rem 0; }
.answer-form { margin: 1rem 0; }
article.card.order { margin: 0 0 1.25rem; }
.catering-orders .card p { margin: .25rem 0; }
details > summary { cursor: pointer; font-weight: 600; margin: .5rem 0; }
.sheet-order { border-top: 1px solid var(--line); padding-top: .25rem; break-inside: avoid; }
.sheet-order h2 { font-size: 1.15rem; margin: .75rem 0 .25rem; }
.sheet-map { overflow-wrap: anywhere; font-size: .9rem; }
.catering-details dd { min-width: 0; overflow-wrap: anywhere; }
@media (max-width: 30rem) {
  .catering-details { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .catering-details dd { margin-bottom: .4rem; }
}
@media (max-width: 30rem) { h1 { font-size: 1.5rem; } body { font-size: 1rem; } }
/* Organiser pages on a phone: long words (addresses, e-mail, links) wrap, tables and details never push the
   page sideways, a wide table scrolls inside its own focusable region, the header stays on two short lines. */
td, th, dd, .card, .notice { overflow-wrap: anywhere; }
/* The API reference: long paths and field names wrap; a response is set off from the next. */
.api-op summary, .api-fields, .api-problems { overflow-wrap: anywhere; }
.api-response { border-left: 3px solid var(--line); padding-left: .75rem; margin: .75rem 0; }
.details dd, .facts dd { min-width: 0; }
.table-scroll { overflow-x: auto; margin: 0 0 1rem; }
.table-scroll:focus-visible { outline: 3px solid var(--focus); }
.inline-form { flex-wrap: wrap; max-width: 100%; }
.inline-form select { max-width: 100%; }
@media (max-width: 40rem) {
  .details, .facts { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .details dd, .facts dd { margin-bottom: .5rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack td, table.stack th[scope="row"],
  table.programme-list tbody, table.programme-list tr, table.programme-list td { display: block; width: 100%; }
  table.programme-list { display: block; }
  table.programme-list caption { display: block; }
  table.stack thead, table.programme-list thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack tr, table.programme-list tr { border-bottom: 2px solid var(--line); padding: .5rem 0; }
  table.stack td, table.stack th[scope="row"], table.programme-list td { border: 0; padding: .15rem 0; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  .site-header .wrap { flex-wrap: wrap; gap: .25rem 1rem; padding-top: .4rem; padding-bottom: .4rem; min-height: 0; }
  .site-header nav { flex: 1 1 100%; gap: 0 .7rem; font-size: .875rem; }
  .site-header .inline-form { margin: 0; }
  .site-header nav a, .site-header .link-button { min-height: 44px; display: inline-flex; align-items: center; }
}
@media print {
  .no-print { display: none !important; }
  .order-sheet { font-size: 10pt; } .order-sheet h1 { font-size: 15pt; } .order-sheet .details { gap: 0 .75rem; }
  @page { size: A4; margin: 12mm; }
  .site-header nav, .skip-link, .site-footer, .button { display: none !important; }
  .site-header { background: none; color: #000; } .site-header a { color: #000; }
  body { font-size: 10.5pt; } main { padding: 0; } a { color: #000; text-decoration: none; }
}
${timelineCss()}
`

/** A small icon, so browsers do not ask for /favicon.ico in vain. */
export const iconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#1f6b3a"/><path d="M9 20c3-8 11-8 14 0" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round"/><circle cx="16" cy="11" r="3" fill="#fff"/></svg>`

/**
 * The web app manifest: name, colours and the icons: the SVG for whoever takes it, PNGs of 192 and 512 px for
 * Android (the 512 also as maskable: its green fills the square, the figure sits in the safe circle).
 */
export const webManifest = (name: string, description: string, lang: string) =>
  JSON.stringify({
    name,
    short_name: name,
    description,
    lang,
    start_url: '/',
    display: 'minimal-ui',
    background_color: '#ffffff',
    theme_color: '#1f6b3a',
    icons: [
      { src: '/assets/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: iconPath(192), sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: iconPath(512), sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: iconPath(512), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  })
