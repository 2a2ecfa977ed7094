/** The return-code field: capitals, no autocorrect or autofill, so a code copied from paper stays as written. */
export function ReturnCodeInput({ id, value, onChange, describedBy }: { id: string; value: string; onChange: (code: string) => void; describedBy?: string }) {
  return (
    <input
      id={id}
      type="text"
      className="v-code-input"
      autoComplete="off"
      autoCorrect="off"
      autoCapitalize="characters"
      spellCheck={false}
      maxLength={20}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.toUpperCase())}
      aria-describedby={describedBy}
    />
  );
}
