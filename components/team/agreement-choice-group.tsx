'use client';

/**
 * Wraps a list of checkboxes named `item` with the "only the ticked ones" switch named
 * `switchName`: ticking or unticking an item turns the switch on, so the choice takes effect.
 */
export function AgreementChoiceGroup({ item, switchName, children }: { item: string; switchName: string; children: React.ReactNode }) {
  return (
    <div
      onChange={(event) => {
        const target = event.target as HTMLInputElement;
        if (target.name !== item) return;
        const box = event.currentTarget.querySelector<HTMLInputElement>(`input[name="${switchName}"]`);
        if (box) box.checked = true;
      }}
    >
      {children}
    </div>
  );
}
