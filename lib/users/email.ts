// One spelling of an email address everywhere: trimmed and lower-cased (the login and unique key).
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
