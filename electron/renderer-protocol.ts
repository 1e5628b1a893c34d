// Answers app://keel/... requests with files from the built renderer. No Electron import:
// it takes a fetch Request and returns a Response, so it is tested under Node.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';
import { resolveProtocolRequest, responseHeaders } from './protocol-paths.js';

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export async function serveRendererRequest(request: Request, rendererRoot: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const resolved = resolveProtocolRequest(request.url, rendererRoot);
  if (resolved.kind === 'refused') return textResponse(404, 'Not found');
  let body: Buffer<ArrayBuffer>;
  try {
    body = await readFile(resolved.filePath);
  } catch {
    // Only a developer sees this: a packaged app always contains the renderer build.
    const isIndex = resolved.filePath === path.resolve(rendererRoot, 'index.html');
    return isIndex
      ? textResponse(404, "Keel's interface has not been built yet; run `npm run build` and start again.")
      : textResponse(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: responseHeaders(resolved.filePath),
  });
}
