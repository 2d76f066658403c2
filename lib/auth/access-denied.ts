// The refusal lives with the access rules (lib/access/denied.ts); re-exported for the guards here.
export { AccessDenied } from '../access/denied';
