import type { Child } from 'hono/jsx'
import { jsxRenderer } from 'hono/jsx-renderer'
import type { AppEnv } from '../env'
import { Layout } from '../ui/layout'

declare module 'hono' {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: declaration merging needs the interface form
    (
      content: string | Promise<string>,
      /** `head`: more elements for the page's head (share-card metadata, a feed's alternate link). */
      props: { title: string; head?: Child },
    ): Response | Promise<Response>
  }
}

/** Every page is rendered inside the shared layout, in the reader's language. */
export const renderer = () =>
  jsxRenderer<AppEnv>(
    ({ children, title, head }, c) => {
      const url = new URL(c.req.url)
      return (
        <Layout
          t={c.var.t}
          title={title}
          currentUrl={`${url.pathname}${url.search}`}
          nonce={c.var.secureHeadersNonce}
          person={c.var.signedIn?.person}
          head={head}
          saved={c.var.savedNotice}
        >
          {children}
        </Layout>
      )
    },
    { docType: true },
  )
