/**
 * Open Graph and Twitter card metadata for a page's `head`: what a chat app or social site shows when its link
 * is shared (title, a line of text, the picture). `url` is the page's own address (also its canonical link).
 */
export function ShareCard({
  type,
  title,
  description,
  url,
  image,
}: {
  type: 'article' | 'website'
  title: string
  description: string
  url: string
  image: { url: string; width: number; height: number; alt: string } | null
}) {
  return (
    <>
      <meta property="og:type" content={type} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <link rel="canonical" href={url} />
      {image ? (
        <>
          <meta property="og:image" content={image.url} />
          <meta property="og:image:width" content={String(image.width)} />
          <meta property="og:image:height" content={String(image.height)} />
          <meta property="og:image:alt" content={image.alt} />
        </>
      ) : null}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      {image ? <meta name="twitter:image" content={image.url} /> : null}
    </>
  )
}
