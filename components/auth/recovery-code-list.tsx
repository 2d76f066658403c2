/** The ten recovery codes, shown once after they are made. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-2">
      <p className="text-sm">
        这是你的 10 个恢复码，只显示这一次。请抄写或打印后放在安全的地方：手机丢失时，每个恢复码可以代替验证码登录一次。
      </p>
      <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-1 rounded border border-stone-300 p-3 font-mono">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </div>
  );
}
