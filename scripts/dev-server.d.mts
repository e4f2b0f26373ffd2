export const root: string
export const quietEnv: NodeJS.ProcessEnv
export function freePort(): Promise<number>
export function wrangler(args: string[], options?: { persistTo?: string }): Promise<string>
export function migrateLocal(options?: { persistTo?: string }): Promise<void>
export type DevServer = { url: string; pid: number; stop: () => Promise<void>; output: () => string }
export function startDev(options: {
  port: number
  persistTo?: string
  log?: boolean
  timeoutMs?: number
}): Promise<DevServer>
export function seed(url: string): Promise<void>
