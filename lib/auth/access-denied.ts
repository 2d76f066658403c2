// The refusal lives with the access rules (lib/access/denied.ts); this path stays for the scripts and
// services that import it from here.
export { AccessDenied } from '../access/denied';
