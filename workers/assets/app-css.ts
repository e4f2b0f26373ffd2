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
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--wash); padding: .75rem; border-radius: 6px; }
.inline-form { display: inline-flex; gap: .5rem; align-items: center; margin: .25rem 0; }
.inline-form select { width: auto; }
.link-button { background: none; border: 0; color: inherit; padding: 0; min-height: 0; font-weight: 600; text-decoration: underline; text-underline-offset: .15em; }
.site-header .link-button { color: var(--brand-ink); }
.site-header nav { align-items: center; }
.narrow { max-width: 36rem; }
.card-title { font-size: 1.15rem; margin: .25rem 0 .5rem; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); padding: 1.5rem 0; font-size: .95rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 30rem) { h1 { font-size: 1.5rem; } body { font-size: 1rem; } }
@media print {
  .site-header nav, .skip-link, .site-footer, .button { display: none !important; }
  .site-header { background: none; color: #000; } .site-header a { color: #000; }
  body { font-size: 10.5pt; } main { padding: 0; } a { color: #000; text-decoration: none; }
}
`

/** A small icon, so browsers do not ask for /favicon.ico in vain. */
export const iconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#1f6b3a"/><path d="M9 20c3-8 11-8 14 0" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round"/><circle cx="16" cy="11" r="3" fill="#fff"/></svg>`
