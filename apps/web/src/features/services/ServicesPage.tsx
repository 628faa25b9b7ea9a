import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router';
import { canAdminister } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { CatalogueAdmin } from './CatalogueAdmin.tsx';
import { HolidaysPage } from './HolidaysPage.tsx';
import { QueuePage } from './QueuePage.tsx';
import { RegistryLookupPage } from './RegistryLookupPage.tsx';
import { StaffSubmissionPage } from './StaffSubmissionPage.tsx';

/** The Public services menu entry: the queue, one submission, registry lookups and (admins) the catalogue. */
export function ServicesPage() {
  return (
    <Routes>
      <Route
        index
        element={
          <Framed tab="queue">
            <QueuePage />
          </Framed>
        }
      />
      <Route
        path="registry"
        element={
          <Framed tab="registry">
            <RegistryLookupPage />
          </Framed>
        }
      />
      <Route
        path="catalogue"
        element={
          <Framed tab="catalogue">
            <CatalogueAdmin />
          </Framed>
        }
      />
      <Route
        path="holidays"
        element={
          <Framed tab="holidays">
            <HolidaysPage />
          </Framed>
        }
      />
      <Route path="submissions/:id" element={<StaffSubmissionPage />} />
    </Routes>
  );
}

function Framed({ tab, children }: { tab: string; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  return (
    <>
      <Tabs value={tab} onChange={(v) => navigate(v === 'queue' ? '/services' : `/services/${v}`)} mb="md">
        <Tabs.List>
          <Tabs.Tab value="queue" data-testid="services-tab-queue">
            {t('services.tabs.queue')}
          </Tabs.Tab>
          <Tabs.Tab value="registry" data-testid="services-tab-registry">
            {t('services.tabs.registry')}
          </Tabs.Tab>
          {canAdminister(me) && (
            <Tabs.Tab value="catalogue" data-testid="services-tab-catalogue">
              {t('services.tabs.catalogue')}
            </Tabs.Tab>
          )}
          {canAdminister(me) && (
            <Tabs.Tab value="holidays" data-testid="services-tab-holidays">
              {t('services.tabs.holidays')}
            </Tabs.Tab>
          )}
        </Tabs.List>
      </Tabs>
      {children}
    </>
  );
}
