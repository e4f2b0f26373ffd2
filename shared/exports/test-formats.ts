/**
 * The official schedule schemas, read where they live beside the repository (../shared/formats): they are
 * reference material and are not copied in. Tests that need them skip, saying why, when they are absent.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv, { type ValidateFunction } from 'ajv'
import draft6MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json'
import addFormats from 'ajv-formats'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The folder with schema.json, schema2.json, schedule.xml.xsd and the sample exports. */
export const formatsDir = path.resolve(repoRoot, '..', 'shared', 'formats')

/** True when the reference schemas can be read. */
export const hasFormats = existsSync(path.join(formatsDir, 'schema.json'))

if (!hasFormats) {
  console.warn(`Skipping validation against the official schedule schemas: ${formatsDir} is not there.`)
}

/** A file of the formats folder as text. */
export function readFormat(name: string): string {
  return readFileSync(path.join(formatsDir, name), 'utf8')
}

/**
 * A validator for one of the c3voc JSON schemas. They declare draft-06, which Ajv 8 reads once the draft-06
 * meta-schema is added. Their own extra keywords ($oneOf, $todo, value, version) are declared as annotations rather
 * than switching strict mode off, and 'color' (which ajv-formats lacks) is a hex colour.
 */
export function schemaValidator(name: 'schema.json' | 'schema2.json'): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false })
  ajv.addMetaSchema(draft6MetaSchema)
  addFormats(ajv)
  ajv.addFormat('color', /^#(?:[0-9a-fA-F]{3}){1,2}$/)
  ajv.addVocabulary(['$oneOf', '$todo', '$TODO', 'value', 'version'])
  return ajv.compile(JSON.parse(readFormat(name)))
}

/** True when xmllint (Debian: libxml2-utils) can be run. */
export const hasXmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).error === undefined

if (!hasXmllint) {
  console.warn('Skipping XSD validation of schedule.xml: xmllint is not installed (Debian: libxml2-utils).')
}

/** Validates XML text against schedule.xml.xsd with xmllint; `ok` false carries xmllint's complaints. */
export function xmllintSchedule(xml: string): { ok: boolean; output: string } {
  const result = spawnSync(
    'xmllint',
    ['--noout', '--schema', path.join(formatsDir, 'schedule.xml.xsd'), '-'],
    {
      input: xml,
      encoding: 'utf8',
    },
  )
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` }
}
