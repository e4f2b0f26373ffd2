import SwaggerParser from '@apidevtools/swagger-parser'
import { createConfig, lintFromString } from '@redocly/openapi-core'
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
  })
})
