import { describe, expect, it } from 'vitest'
import { escapeXml, toFrabXml } from './frab-xml'
import { itemGuid } from './model'
import { items, programme } from './test-fixture'
import { hasFormats, hasXmllint, xmllintSchedule } from './test-formats'

/** An element of the small parser below: name, attributes, children and its own decoded text. */
type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string }

/**
 * Parses the plain XML the exports write (declaration, elements, double-quoted attributes, text, the five
 * predefined entities); throws on anything else, on a stray '&' or '<', and on a tag closed out of order.
 */
function parseXml(xml: string): XmlElement {
  const decode = (s: string) => {
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(s) || /[<>]/.test(s)) throw new Error(`Unescaped text: ${s}`)
    const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
    return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!)
  }
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '')
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' }
  const stack = [root]
  const token = /<(\/?)([a-z_]+)((?:\s+[a-z_]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy
  let match: RegExpExecArray | null
  let position = 0
  while (position < body.length) {
    token.lastIndex = position
    match = token.exec(body)
    if (match === null) throw new Error(`Cannot read XML at ${body.slice(position, position + 40)}`)
    position = token.lastIndex
    const [, closing, name, attributeText, selfClosing, text] = match
    const parent = stack[stack.length - 1]!
    if (text !== undefined) {
      parent.text += decode(text)
    } else if (closing === '/') {
      if (parent.name !== name) throw new Error(`</${name}> closes <${parent.name}>`)
      stack.pop()
    } else {
      const attributes: Record<string, string> = {}
      for (const [, key, value] of (attributeText ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)) {
        attributes[key!] = decode(value!)
      }
      const element: XmlElement = { name: name!, attributes, children: [], text: '' }
      parent.children.push(element)
      if (selfClosing !== '/') stack.push(element)
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`)
  const elements = root.children
  if (elements.length !== 1 || root.text.trim() !== '') throw new Error('Not exactly one root element')
  return elements[0]!
}

const child = (element: XmlElement, name: string): XmlElement => {
  const found = element.children.find((c) => c.name === name)
  if (found === undefined) throw new Error(`<${element.name}> has no <${name}>`)
  return found
}

const xml = toFrabXml(programme(), { lang: 'nl' })
const schedule = parseXml(xml)
const guid = (itemId: string) => itemGuid('visit-vreewijk', itemId)

describe.skipIf(!hasFormats || !hasXmllint)(
  'schedule.xml against schedule.xml.xsd (needs xmllint and ../shared/formats)',
  () => {
    it('is valid, and xmllint does reject a broken copy', () => {
      const result = xmllintSchedule(xml)
      expect(result.output).toContain('- validates')
      expect(result.ok).toBe(true)
      const broken = xmllintSchedule(xml.replace('<start>14:00</start>', '<start>14h00</start>'))
      expect(broken.ok).toBe(false)
    })

    it('stays valid with an awkward slug, a venue name full of markup and no items', () => {
      const data = programme()
      data.visit = { ...data.visit, slug: 'ab', title: '<Bezoek> & "co"', timeZone: 'Etc/GMT-1' }
      data.venues = data.venues.map((v) => ({ ...v, name: `${v.name} <'&'>` }))
      expect(xmllintSchedule(toFrabXml(data, { lang: 'en' })).output).toContain('- validates')
      data.items = []
      expect(xmllintSchedule(toFrabXml(data, { lang: 'en' })).ok).toBe(true)
    })
  },
)

describe('toFrabXml', () => {
  it('writes the schedule parts in the order of the XSD', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n')).toBe(true)
    expect(schedule.name).toBe('schedule')
    expect(schedule.children.map((c) => c.name)).toEqual([
      'generator',
      'version',
      'conference',
      'day',
      'day',
      'day',
    ])
    expect(child(schedule, 'version').text).toBe('3 (Definitief)')
    const conference = child(schedule, 'conference')
    expect(conference.children.map((c) => [c.name, c.text])).toEqual([
      ['acronym', 'vreewijk_2026'],
      ['title', 'Bezoek aan Vreewijk, Leiden'],
      ['start', '2026-10-23'],
      ['end', '2026-10-25'],
      ['days', '3'],
      ['timeslot_duration', '00:30'],
      ['base_url', 'https://rondgang.example/'],
      ['url', 'https://rondgang.example/v/vreewijk-2026'],
      ['time_zone_name', 'Europe/Amsterdam'],
      ['track', 'Voordracht'],
      ['track', 'Wandeling'],
      ['track', 'Gesprek'],
      ['track', 'Hapje en drankje'],
    ])
  })

  it('gives each day its bounds with the offset then in force, and every room on every day', () => {
    const days = schedule.children.filter((c) => c.name === 'day')
    expect(days.map((d) => d.attributes)).toEqual([
      {
        index: '1',
        date: '2026-10-23',
        start: '2026-10-23T00:00:00+02:00',
        end: '2026-10-24T00:00:00+02:00',
      },
      {
        index: '2',
        date: '2026-10-24',
        start: '2026-10-24T00:00:00+02:00',
        end: '2026-10-25T00:00:00+02:00',
      },
      {
        index: '3',
        date: '2026-10-25',
        start: '2026-10-25T00:00:00+02:00',
        end: '2026-10-26T00:00:00+01:00',
      },
    ])
    for (const day of days) {
      expect(day.children.map((r) => r.attributes.name)).toEqual([
        'Tuin van Marja',
        'Buurthuis De Kiem & Co',
        'Onderweg',
      ])
    }
    expect(xml).toContain('<room name="Buurthuis De Kiem &amp; Co" guid=')
  })

  it('writes event elements in the usual frab order, with local times on both sides of the change', () => {
    const events = schedule.children.flatMap((day) => day.children.flatMap((room) => room.children))
    expect(events.map((e) => e.attributes.guid)).toEqual([
      guid('item-summer'),
      guid('item-night-before'),
      guid('item-winter'),
      guid('item-before-change'),
      guid('item-after-change'),
    ])
    for (const event of events) {
      expect(event.children.map((c) => c.name)).toEqual([
        'date',
        'start',
        'duration',
        'room',
        'slug',
        'url',
        'title',
        'subtitle',
        'track',
        'type',
        'language',
        'abstract',
        'description',
        'persons',
        'links',
        'attachments',
      ])
      expect(Number(event.attributes.id)).toBeGreaterThan(0)
    }
    const text = (e: XmlElement, name: string) => child(e, name).text
    const after = events[4]!
    expect(
      ['date', 'start', 'duration', 'room', 'title', 'track', 'type'].map((n) => text(after, n)),
    ).toEqual([
      '2026-10-25T02:30:00+01:00',
      '02:30',
      '01:00',
      'Buurthuis De Kiem & Co',
      'Verhalen uit de wijk',
      'Voordracht',
      'talk',
    ])
    expect(text(after, 'slug')).toBe(`vreewijk_2026-${after.attributes.id}-verhalen-uit-de-wijk`)
    expect(child(after, 'persons').children.map((p) => [p.text, p.attributes.guid?.length])).toEqual([
      ['Marja de Vries', 36],
      ['Ahmed El Amrani', 36],
    ])
    const before = events[3]!
    expect([text(before, 'date'), text(before, 'start'), text(before, 'duration')]).toEqual([
      '2026-10-25T01:30:00+02:00',
      '01:30',
      '01:00',
    ])
    expect(text(before, 'title')).toBe('Gesprek; buren, gemeente\nen wethouder')
    expect(text(before, 'abstract')).toBe(items.beforeChange.description)
    expect(text(before, 'subtitle')).toBe('Wethouders, Raadsleden')
    expect(text(events[0]!, 'date')).toBe('2026-10-23T14:00:00+02:00')
    expect(text(events[2]!, 'date')).toBe('2026-10-25T10:00:00+01:00')
  })

  it('leaves cancelled items out', () => {
    expect(xml).not.toContain(guid('item-cancelled'))
    expect(xml).not.toContain('Optreden buurtkoor')
  })

  it('escapes markup in every text and attribute', () => {
    const data = programme()
    data.visit = { ...data.visit, title: `<script>alert("x")</script> & 'co'` }
    data.venues = data.venues.map((v) => ({ ...v, name: `${v.name} "<&>"` }))
    const escaped = toFrabXml(data, { lang: 'nl' })
    const parsed = parseXml(escaped)
    expect(child(child(parsed, 'conference'), 'title').text).toBe(`<script>alert("x")</script> & 'co'`)
    expect(parsed.children.find((c) => c.name === 'day')!.children[0]!.attributes.name).toBe(
      'Tuin van Marja "<&>"',
    )
    expect(escaped).not.toContain('<script>')
    expect(escapeXml('a\u0001b<&>"\'')).toBe('ab&lt;&amp;&gt;&quot;&apos;')
  })
})
