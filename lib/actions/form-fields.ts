// Reading a submitted form's text fields in server actions (files are never text fields).
import { stripBidiControls } from '../text/bidi';

/** Every text field by name; for a repeated name the last value. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string') fields[key] = value;
  return fields;
}

/** One text field as sent without bidi controls (never a password), '' when it is missing or a file. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? stripBidiControls(value) : '';
}
