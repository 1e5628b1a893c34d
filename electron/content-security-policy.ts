// Keel's one Content-Security-Policy. The renderer's <meta> tag (written into index.html by
// vite.config.ts), the web preview's header and every app:// response all use these strings,
// so the policy cannot drift between them.

/** Only the app itself: no remote origin, no eval, no plugins, no forms posting anywhere. */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // Svelte and d3 set inline style attributes (positions, colours); scripts stay strict.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** The policy of the renderer's <meta> tag. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The policy sent as a response header. It adds frame-ancestors, which a <meta> tag cannot
 * carry: no other page may frame Keel (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = `${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
