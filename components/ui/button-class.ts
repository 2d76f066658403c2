// Button styles shared by server and client components.
export type ButtonVariant = 'primary' | 'secondary' | 'danger';

export function buttonClass(variant: ButtonVariant = 'primary'): string {
  const base =
    'inline-flex items-center justify-center rounded px-3 py-1.5 text-sm font-medium disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2';
  if (variant === 'danger') return `${base} bg-red-700 text-white hover:bg-red-800 focus-visible:outline-red-700`;
  if (variant === 'secondary')
    return `${base} border border-stone-400 bg-white text-stone-800 hover:bg-stone-100 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800`;
  return `${base} bg-stone-900 text-white hover:bg-stone-700 focus-visible:outline-stone-900 dark:bg-stone-100 dark:text-stone-900`;
}
