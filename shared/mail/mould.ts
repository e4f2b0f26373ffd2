import { escapeHtml, type RenderedMail } from './templates'

/** A mail rendered once, filled in per recipient with their own values (a name, a link). */
export type MailMould<K extends string> = (values: Readonly<Record<K, string>>) => RenderedMail

type Piece = string | number

/**
 * Renders a mail once with a mark where each recipient's own value goes, and returns what fills the marks in:
 * for a thousand recipients of the same words, one render and a thousand joins instead of a thousand renders.
 * The marks are absolute URLs (a mail link is checked as one) made with a random part, so no text a visitor
 * typed can contain one. A value lands as it is in the subject and text and escaped in the HTML, which is what
 * the templates do with a value at those places: the result is the mail `render` would give with the values
 * themselves, as long as `render` puts each value in the mail unchanged (`oneLine` a name before filling it in).
 */
export function mailMould<K extends string>(
  keys: readonly K[],
  render: (marks: Readonly<Record<K, string>>) => RenderedMail,
): MailMould<K> {
  const nonce = crypto.randomUUID().replaceAll('-', '')
  const markOf = (i: number) => `https://m${nonce}x${i}y.invalid/`
  const marks = Object.fromEntries(keys.map((key, i) => [key, markOf(i)])) as Record<K, string>
  const mail = render(marks)
  const pattern = new RegExp(`https://m${nonce}x(\\d+)y\\.invalid/`, 'g')
  // A rendered text as its literal pieces and, between them, the index of the value that goes there.
  const piecesOf = (text: string): Piece[] => {
    const pieces: Piece[] = []
    let at = 0
    for (const match of text.matchAll(pattern)) {
      pieces.push(text.slice(at, match.index), Number(match[1]))
      at = match.index + match[0].length
    }
    pieces.push(text.slice(at))
    return pieces
  }
  const subject = piecesOf(mail.subject)
  const text = piecesOf(mail.text)
  const html = piecesOf(mail.html)
  const join = (pieces: Piece[], values: readonly string[]) => {
    let out = ''
    for (const piece of pieces) out += typeof piece === 'number' ? (values[piece] ?? '') : piece
    return out
  }
  return (values) => {
    const plain = keys.map((key) => values[key])
    const escaped = plain.map(escapeHtml)
    return { subject: join(subject, plain), text: join(text, plain), html: join(html, escaped) }
  }
}
