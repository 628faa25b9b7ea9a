import type { Agency } from '@civicdesk/contracts/org';
import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { agencyOptions } from './agencies.ts';
import { useAgencies, useTiers } from './org.api.ts';

type Props = Omit<SelectProps, 'data' | 'onChange'> & {
  onChange: (id: string | null) => void;
  /** Which agencies to offer (default: all the caller can see). */
  keep?: (agency: Agency) => boolean;
};

/** Picks an agency from the tree, indented by level, searchable by name. */
export function AgencySelect({ keep, onChange, ...select }: Props) {
  const agencies = useAgencies();
  const tiers = useTiers();
  const options = useMemo(
    () => agencyOptions(agencies.data ?? [], tiers.data, keep),
    [agencies.data, tiers.data, keep],
  );
  const depth = useMemo(() => new Map(options.map((o) => [o.value, o.depth])), [options]);
  return (
    <Select
      searchable
      nothingFoundMessage="—"
      data={options.map(({ value, label }) => ({ value, label }))}
      renderOption={({ option }) => (
        <span style={{ paddingLeft: (depth.get(option.value) ?? 0) * 14 }}>{option.label}</span>
      )}
      {...select}
      onChange={(v) => onChange(v)}
      disabled={agencies.isPending || select.disabled}
    />
  );
}
