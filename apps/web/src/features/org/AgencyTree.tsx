import type { Tier } from '@civicdesk/contracts/org';
import { ActionIcon, Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import IconChevronRight from '@tabler/icons-react/dist/esm/icons/IconChevronRight.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { type AgencyNode, countryCode, tierLabel } from './agencies.ts';

type Props = {
  nodes: AgencyNode[];
  tiers: Tier[] | undefined;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
};

function ancestorsOf(nodes: AgencyNode[], id: string | undefined): string[] {
  if (!id) return [];
  for (const n of nodes) {
    if (n.item.id === id) return [];
    const below = ancestorsOf(n.children, id);
    if (below.length > 0 || n.children.some((c) => c.item.id === id)) return [n.item.id, ...below];
  }
  return [];
}

/** Agencies as nested lists: the top level open, the path to the selected agency open, the rest on demand. */
export function AgencyTree({ nodes, tiers, selectedId, onSelect }: Props) {
  const [expanded, setExpanded] = useState(
    () => new Set([...nodes.map((n) => n.item.id), ...ancestorsOf(nodes, selectedId)]),
  );
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <ul className="tree" data-testid="agency-tree">
      {nodes.map((n) => (
        <Row
          key={n.item.id}
          node={n}
          tiers={tiers}
          selectedId={selectedId}
          onSelect={onSelect}
          expanded={expanded}
          toggle={toggle}
        />
      ))}
    </ul>
  );
}

type RowProps = Omit<Props, 'nodes'> & {
  node: AgencyNode;
  expanded: Set<string>;
  toggle: (id: string) => void;
};

function Row({ node, tiers, selectedId, onSelect, expanded, toggle }: RowProps) {
  const { t } = useTranslation();
  const a = node.item;
  const open = expanded.has(a.id);
  const selected = a.id === selectedId;
  const hasChildren = node.children.length > 0;
  return (
    <li>
      <Group
        gap={2}
        wrap="nowrap"
        align="flex-start"
        className="tree-row"
        aria-current={selected ? 'true' : undefined}
        style={{ borderRadius: 6 }}
      >
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray.8"
            size={26}
            mt={5}
            onClick={() => toggle(a.id)}
            aria-expanded={open}
            aria-label={t(open ? 'org.collapse' : 'org.expand', { name: a.name })}
          >
            <IconChevronRight
              size={16}
              aria-hidden
              style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}
            />
          </ActionIcon>
        ) : (
          <Box w={26} style={{ flex: 'none' }} />
        )}
        <UnstyledButton
          onClick={() => onSelect(a.id)}
          py={6}
          pr={6}
          style={{ flex: 1, minWidth: 0 }}
          data-testid={`agency-node-${a.code}`}
        >
          <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
            <Text
              size="sm"
              fw={selected ? 650 : 500}
              lh={1.35}
              c={a.active ? undefined : 'gray.7'}
              fs={a.active ? undefined : 'italic'}
            >
              {a.name}
            </Text>
            <Badge size="xs" variant="outline" color="gray.7" style={{ flex: 'none' }}>
              {countryCode(a.country)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {tierLabel(tiers, a.tier, currentLocale())}
            {!a.active && ` · ${t('common.inactive')}`}
          </Text>
        </UnstyledButton>
      </Group>
      {hasChildren && open && (
        <ul>
          {node.children.map((c) => (
            <Row
              key={c.item.id}
              node={c}
              tiers={tiers}
              selectedId={selectedId}
              onSelect={onSelect}
              expanded={expanded}
              toggle={toggle}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
