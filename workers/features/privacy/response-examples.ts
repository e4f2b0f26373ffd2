// Examples of the answers in responses.ts, taken from real answers of a test run (lists cut to one entry).

export const privacyRequestsPostExample = { status: 'check_mail' }
