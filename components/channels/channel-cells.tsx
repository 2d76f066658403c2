import type { ChannelCell } from '@/lib/channels/list';

const TONE: Record<ChannelCell['state'], string> = {
  unsent: 'text-stone-500',
  draft: 'text-sky-700 dark:text-sky-300',
  publishing: 'text-sky-700 dark:text-sky-300',
  sent: 'text-green-700 dark:text-green-400',
  behind: 'text-amber-700 dark:text-amber-300',
  failed: 'text-red-700 dark:text-red-400',
  withdrawn: 'text-stone-500',
};

/** One line per channel in a story list: 微信公众号 已发送 … */
export function ChannelCells({ cells }: { cells: ChannelCell[] }) {
  return (
    <ul className="text-xs leading-5">
      {cells.map((cell) => (
        <li key={cell.channel} data-channel={cell.channel}>
          {cell.label} <span className={TONE[cell.state]}>{cell.stateLabel}</span>
        </li>
      ))}
    </ul>
  );
}
