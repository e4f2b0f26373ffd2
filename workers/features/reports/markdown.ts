/**
 * The reports' Markdown, rendered safely: the team's text (no raw HTML, no images, only web and mail links),
 * comments as plain text (links clickable once approved), and the plain words of a text for a share card.
 * Apart from the other rules so that what needs those (the follow-ups' weekly mail in the cron) does not load
 * markdown-it. No I/O.
 */
import MarkdownItClass, { type MarkdownIt } from 'markdown-it'
import type { CommentStatus } from '../../../shared/db/schema'

const PLACEHOLDER_BASE = 'https://rondgang.invalid/'

/**
 * Links the team writes go only to the web or a mail address: markdown-it already refuses javascript:,
 * vbscript:, file: and data:, and this also refuses every other scheme (tel:, intent:, …) by the URL parser.
 */
function isSafeHref(href: string, defaultCheck: (url: string) => boolean): boolean {
  if (!defaultCheck(href)) return false
  try {
    const url = new URL(href, PLACEHOLDER_BASE)
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:'
  } catch {
    return false
  }
}

/** Every link from outside the team opens without our page as opener, and is not endorsed to search engines. */
function relAllLinks(md: MarkdownIt, rel: string) {
  const defaultOpen = md.renderer.rules.link_open
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]?.attrSet('rel', rel)
    return defaultOpen ? defaultOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options)
  }
}

/** A markdown-it that never passes HTML through and shows no images (pictures come from the photo impression). */
function teamMarkdown() {
  const md = new MarkdownItClass({ html: false, linkify: true, typographer: false })
  md.disable(['image'])
  const check = md.validateLink.bind(md)
  md.validateLink = (url) => isSafeHref(url, check)
  relAllLinks(md, 'noopener')
  return md
}

/** Plain text with line breaks; links become clickable only when `linkify` (an approved comment). */
function commentText(linkify: boolean) {
  const md = new MarkdownItClass('zero', { html: false, linkify, breaks: true })
  md.enable(linkify ? ['newline', 'linkify'] : ['newline'])
  const check = md.validateLink.bind(md)
  md.validateLink = (url) => isSafeHref(url, check)
  relAllLinks(md, 'nofollow ugc noopener')
  return md
}

let team: MarkdownIt | undefined
let approved: MarkdownIt | undefined
let held: MarkdownIt | undefined

/** The team's Markdown as HTML: raw HTML shown as text, unsafe link schemes left as text, no images. */
export function renderMarkdown(source: string): string {
  team ??= teamMarkdown()
  return team.render(source)
}

/** A comment as HTML: its text escaped, line breaks kept; links clickable only once it is approved. */
export function renderComment(text: string, status: CommentStatus): string {
  if (status === 'approved') {
    approved ??= commentText(true)
    return approved.render(text)
  }
  held ??= commentText(false)
  return held.render(text)
}

/** The words of some Markdown without its markup, cut to `max` characters (for a share card's text). */
export function plainText(source: string, max = 200): string {
  team ??= teamMarkdown()
  const words: string[] = []
  for (const token of team.parse(source, {})) {
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') words.push(child.content)
      if (child.type === 'softbreak' || child.type === 'hardbreak') words.push(' ')
    }
    if (token.type === 'paragraph_close' || token.type === 'heading_close') words.push(' ')
  }
  const text = words.join('').split(/\s+/).join(' ').trim()
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}
