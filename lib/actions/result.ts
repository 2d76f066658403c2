// What every server action returns (docs/architecture.md: Layout): a form can show `error` and `fieldErrors`; `denied`
// marks a refusal by the access gate so callers (and the authorization test) can tell it apart.
import type { ZodError } from 'zod';

import { AccessDenied, type DeniedReason } from '../access/denied';

export type ActionFailure = {
  ok: false;
  error: string;
  fieldErrors?: Record<string, string>;
  denied?: DeniedReason;
};
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function fromZodError(error: ZodError): ActionFailure {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, error: '请检查填写的内容', fieldErrors };
}

/** Turns the expected failures into results; anything else is a bug and propagates. */
export async function guarded<R extends { ok: boolean }>(work: () => Promise<R>): Promise<R | ActionFailure> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccessDenied) return { ok: false, error: error.message, denied: error.reason };
    if (error instanceof UserFacingError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}
