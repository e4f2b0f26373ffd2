import SwaggerParser from '@apidevtools/swagger-parser'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../workers/app'

// Node, not workerd: the validator and the linter read files and compile schemas at run time, which the Worker
// runtime refuses. The document is the one the Worker serves: the app answers /api/openapi.json in-process.
const served = async () => {
  const res = await createApp().request('http://rondgang.test/api/openapi.json', {}, {
    ENVIRONMENT: 'development',
    PUBLIC_URL: 'http://rondgang.test',
    // The document is made from the routes alone: a database that answers nothing shows it reads none.
    DB: {},
  } as never)
  expect(res.status).toBe(200)
  return (await res.json()) as Record<string, unknown>
}

describe('the served OpenAPI document', () => {
  it('is valid OpenAPI 3.1 by swagger-parser', async () => {
    const doc = await served()
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy()
  })

  it("has 0 errors and 0 warnings by Redocly's recommended rules", async () => {
    const doc = await served()
    const config = await createConfig({ extends: ['recommended'] })
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config,
    })
    const summary = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer}`)
    expect(summary.filter((s) => s.startsWith('error'))).toEqual([])
    expect(summary).toEqual([])
    // The linter reads the whole document (about a hundred answers with their schemas): seconds, not ms.
  }, 30_000)
})

type Media = Record<string, { schema?: Record<string, unknown> }>
type Operations = Record<string, Record<string, { responses: Record<string, { content?: Media }> }>>

/** Every success answer of every operation: where, which status, which media type, which schema. */
async function successAnswers() {
  const doc = (await served()) as { paths: Operations }
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).flatMap(([method, op]) =>
      Object.entries(op.responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([status, r]) =>
          Object.entries(r.content ?? {}).map(([type, m]) => ({
            where: `${method.toUpperCase()} ${path} ${status} ${type}`,
            type,
            schema: m.schema ?? {},
          })),
        ),
    ),
  )
}

describe('the success answers in the document', () => {
  it('leave no JSON answer with the generic schema: each names what it holds', async () => {
    const generic = (await successAnswers()).filter(
      (a) =>
        a.type.includes('json') &&
        (!a.schema.type || (a.schema.type === 'object' && !a.schema.properties)) &&
        !a.schema.anyOf,
    )
    expect(generic.map((a) => a.where)).toEqual([])
  })

  it('carry an example on each JSON answer, and the example fits its schema', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    const wrong: string[] = []
    for (const a of (await successAnswers()).filter((x) => x.type.includes('json'))) {
      const examples = a.schema.examples as unknown[] | undefined
      if (!examples?.length) wrong.push(`${a.where}: no example`)
      const validate = ajv.compile(a.schema)
      for (const example of examples ?? []) {
        if (!validate(example)) wrong.push(`${a.where}: ${ajv.errorsText(validate.errors)}`)
      }
    }
    expect(wrong).toEqual([])
  })
})
