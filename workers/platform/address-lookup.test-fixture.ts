/**
 * Answers of the PDOK Locatieserver's free search for tests, in the shape the service documents (response.docs
 * with weergavenaam and centroide_ll as "POINT(lon lat)"). This machine has no internet: nothing is fetched.
 */

export const breestraatAnswer = {
  response: {
    numFound: 1,
    start: 0,
    maxScore: 17.29,
    numFoundExact: true,
    docs: [{ weergavenaam: 'Breestraat 117, 2311CL Leiden', centroide_ll: 'POINT(4.48687 52.15829)' }],
  },
}

export const nothingFound = {
  response: { numFound: 0, start: 0, maxScore: 0, numFoundExact: true, docs: [] },
}

/** A fetch that answers every call with `answer` (JSON, or a Response as is), and records the URLs asked. */
export function recordedFetch(answer: unknown | (() => Response | Promise<Response>)) {
  const asked: URL[] = []
  const fetcher = (async (input: RequestInfo | URL) => {
    asked.push(new URL(input instanceof Request ? input.url : String(input)))
    if (typeof answer === 'function') return (answer as () => Response | Promise<Response>)()
    return Response.json(answer)
  }) as typeof fetch
  return { asked, fetcher }
}

/** A fetch that never answers until it is aborted (a service that hangs). */
export const hangingFetch = ((_input: RequestInfo | URL, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () =>
      reject(new DOMException('The operation was aborted.', 'AbortError')),
    )
  })) as typeof fetch
