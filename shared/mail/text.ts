/** A title or name on one line: a mail subject or sentence never breaks on what someone typed. */
export const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim()
