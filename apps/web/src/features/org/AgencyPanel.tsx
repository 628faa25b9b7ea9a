import type { Agency } from '@civicdesk/contracts/org';
import { Alert, Badge, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { useMe } from '../auth/auth.api.ts';
import { AgencyDetails } from './AgencyDetails.tsx';
import { type AgencyNode, countryCode, tierLabel } from './agencies.ts';
import { useTiers } from './org.api.ts';
import { PositionsTab } from './PositionsTab.tsx';
import { UnitsTab } from './UnitsTab.tsx';

type Props = { agency: Agency; agencies: Agency[]; tree: AgencyNode[] };

export function AgencyPanel({ agency, agencies, tree }: Props) {
  const { t } = useTranslation();
  const tiers = useTiers().data;
  const me = useMe().data;
  // Units and positions are the internal directory: shown to members and administrators of the agency only.
  const seesDirectory = agency.canAdmin || !!me?.posts.some((p) => p.agencyId === agency.id);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="agency-panel-title"
    >
      <Stack gap="md">
        <div>
          <Group gap="sm" wrap="wrap">
            <Title order={2} fz="xl" id="agency-panel-title">
              {agency.name}
            </Title>
            <Badge variant="light" color={agency.active ? 'teal.9' : 'gray.7'}>
              {agency.active ? t('common.active') : t('common.inactive')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {[tierLabel(tiers, agency.tier, currentLocale()), countryCode(agency.country), agency.code].join(
              ' · ',
            )}
          </Text>
        </div>
        {!agency.canAdmin && (
          <Alert variant="light" color="gray">
            {t('org.readOnly')}
          </Alert>
        )}
        <Tabs defaultValue="details" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="details">{t('org.tabs.details')}</Tabs.Tab>
            {seesDirectory && <Tabs.Tab value="units">{t('org.tabs.units')}</Tabs.Tab>}
            {seesDirectory && <Tabs.Tab value="positions">{t('org.tabs.positions')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="details" pt="lg">
            <AgencyDetails agency={agency} agencies={agencies} tree={tree} />
          </Tabs.Panel>
          <Tabs.Panel value="units" pt="lg">
            <UnitsTab agency={agency} />
          </Tabs.Panel>
          <Tabs.Panel value="positions" pt="lg">
            <PositionsTab agency={agency} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
