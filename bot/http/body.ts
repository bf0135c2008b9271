import type { Request } from 'restify';
import type { z } from 'zod';
import { ErrorCodes, fail, succeed, type Outcome } from '../../core/errors';

/** Body size limits: the Bot Framework door carries cards and invokes; the tab API carries small forms. */
export const BODY_LIMITS = { botActivity: 256 * 1024, api: 16 * 1024 } as const;

/** Reads a JSON request body, refusing a wrong content type, an oversized body or malformed JSON. */
export async function readJsonBody(req: Request, limitBytes: number): Promise<Outcome<unknown>> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    return fail(ErrorCodes.UNSUPPORTED_MEDIA_TYPE, 'Send the body as application/json.');
  }
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limitBytes) return tooLarge(limitBytes);
  const text = await readText(req, limitBytes);
  if (text === undefined) return tooLarge(limitBytes);
  if (text.trim() === '') return fail(ErrorCodes.BAD_JSON, 'The request body is empty; send a JSON object.');
  try {
    return succeed(JSON.parse(text) as unknown);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    return fail(ErrorCodes.BAD_JSON, `The request body is not valid JSON (${reason}).`);
  }
}

/**
 * The body as text, or undefined (and the request destroyed) once it passes `limitBytes`. Reads with stream events
 * rather than an async iterator: this runs on every request, and the iterator's set-up costs more than the read.
 */
function readText(req: Request, limitBytes: number): Promise<string | undefined> {
  if (req.readableEnded) return Promise.resolve('');
  return new Promise<string | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > limitBytes) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.destroy();
        resolve(undefined);
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size).toString('utf8'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.once('error', reject);
    req.once('close', () => {
      if (!req.readableEnded) reject(new Error('The request closed before its body was read.'));
    });
  });
}

function tooLarge(limitBytes: number): Outcome<never> {
  return fail(ErrorCodes.BODY_TOO_LARGE, `The request body is larger than ${limitBytes} bytes.`);
}

/** The query string of a request as a plain object (the last value wins for repeated keys). */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
}

/** A problem with one field, as returned in VALIDATION_FAILED details. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Validates a value against a schema, turning zod issues into field-precise problems. */
export function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
): Outcome<T> & { problems?: FieldProblem[] } {
  const result = schema.safeParse(value);
  if (result.success) return succeed(result.data);
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
  const summary = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
  return { ...fail(ErrorCodes.VALIDATION_FAILED, `The request is not valid: ${summary}`), problems };
}
