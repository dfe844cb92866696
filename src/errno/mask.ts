// Secrets that must never reach a log line through an error's message or JSON.
const SECRET_KEYS = 'access_token|accessToken|refresh_token|refreshToken|session_key|sessionKey|secret|appsecret|app_secret|js_code|code|ticket|token|password|paySign|signature'
const QUERY_SECRET = new RegExp('([?&;\\s]|^)(' + SECRET_KEYS + ')=([^&#\\s"\']+)', 'gi')
const JSON_SECRET = new RegExp('("(?:' + SECRET_KEYS + ')"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"', 'gi')

/** Replaces the values of secret-looking query parameters and JSON fields with `***`. */
export function maskSecrets(text: string): string {
  if (text.indexOf('=') < 0 && text.indexOf('"') < 0) return text // nothing to mask: the common case
  return text.replace(QUERY_SECRET, '$1$2=***').replace(JSON_SECRET, '$1"***"')
}

/** Cuts a text to at most `max` characters so a huge input never becomes a huge message. */
export function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) + '… (' + text.length + ' chars)' : text
}
