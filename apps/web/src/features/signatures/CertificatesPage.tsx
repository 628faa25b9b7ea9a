import type { Certificate } from '@civicdesk/contracts/signatures';
import { Button, Menu, Paper, Stack } from '@mantine/core';
import IconCertificate from '@tabler/icons-react/dist/esm/icons/IconCertificate.mjs';
import IconChevronDown from '@tabler/icons-react/dist/esm/icons/IconChevronDown.mjs';
import IconFileUpload from '@tabler/icons-react/dist/esm/icons/IconFileUpload.mjs';
import IconUsb from '@tabler/icons-react/dist/esm/icons/IconUsb.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { toast } from '../../ui/toast.ts';
import { homeAgencyId, userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { ReasonDialog } from '../documents/ReasonDialog.tsx';
import { AgencySelect } from '../org/AgencySelect.tsx';
import { useAgencies } from '../org/org.api.ts';
import { CertificateDialog, type CertificateMode } from './CertificateDialog.tsx';
import { CertificatesTable } from './CertificatesTable.tsx';
import { ImageCard } from './ImageCard.tsx';
import { useCertificates, useRevokeCertificate } from './signatures.api.ts';

const modes: { mode: CertificateMode; icon: typeof IconCertificate }[] = [
  { mode: 'issue', icon: IconCertificate },
  { mode: 'import', icon: IconFileUpload },
  { mode: 'pkcs11', icon: IconUsb },
];

/** Signing certificates of an agency's officials and of its seal, and the seal's picture. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const agencies = useAgencies();
  const [params, setParams] = useSearchParams();
  const agencyId =
    params.get('agency') ?? homeAgencyId(me) ?? agencies.data?.find((a) => a.canAdmin)?.id ?? null;
  const agency = agencies.data?.find((a) => a.id === agencyId);
  const certificates = useCertificates(agencyId);
  const revoke = useRevokeCertificate();
  const [adding, setAdding] = useState<CertificateMode | null>(null);
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const country = agency?.country ?? userCountry(me);

  const addMenu = agency?.canAdmin && (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button rightSection={<IconChevronDown size={16} aria-hidden />} data-testid="certificate-add">
          {t('certificates.add')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {modes.map(({ mode, icon: Icon }) => (
          <Menu.Item
            key={mode}
            leftSection={<Icon size={16} aria-hidden />}
            onClick={() => setAdding(mode)}
            data-testid={`certificate-add-${mode}`}
          >
            {t(`certificates.${mode}.title`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <>
      <PageHeader
        title={t('certificates.title')}
        description={t('certificates.subtitle')}
        actions={addMenu}
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <AgencySelect
            label={t('common.agency')}
            name="agency"
            w={{ base: '100%', sm: 360 }}
            keep={(a) => a.canAdmin}
            value={agencyId}
            onChange={(id) => id && setParams({ agency: id }, { replace: true })}
            allowDeselect={false}
            data-testid="certificates-agency"
          />
        </Paper>
        {certificates.isPending && agencyId ? (
          <Loading />
        ) : certificates.error ? (
          <ErrorAlert error={certificates.error} />
        ) : certificates.data?.length === 0 ? (
          <EmptyState>{t('certificates.none')}</EmptyState>
        ) : (
          certificates.data && (
            <CertificatesTable certificates={certificates.data} country={country} onRevoke={setRevoking} />
          )
        )}
        {agency && (
          <ImageCard
            key={agency.id}
            path={`/agencies/${agency.id}/seal-image`}
            id="seal-image"
            testId="seal-image"
            title={t('certificates.seal.title')}
            description={t('certificates.seal.description', { agency: agency.name })}
            hint={t('certificates.seal.hint')}
            alt={t('certificates.seal.alt', { agency: agency.name })}
            emptyText={t('certificates.seal.none')}
          />
        )}
      </Stack>
      {agency && adding && (
        <CertificateDialog
          mode={adding}
          agencyId={agency.id}
          agencyName={agency.name}
          onClose={() => setAdding(null)}
        />
      )}
      {revoking && (
        <ReasonDialog
          title={t('certificates.revoke.title', { name: revoking.holderName })}
          description={t('certificates.revoke.hint')}
          label={t('certificates.revoke.reason')}
          confirmLabel={t('certificates.revoke.confirm')}
          danger
          maxLength={500}
          loading={revoke.isPending}
          error={revoke.error}
          onConfirm={(reason) =>
            revoke.mutate(
              { id: revoking.id, reason },
              {
                onSuccess: () => {
                  toast(t('certificates.revoke.done'), 'success');
                  setRevoking(null);
                  revoke.reset();
                },
              },
            )
          }
          onClose={() => {
            setRevoking(null);
            revoke.reset();
          }}
          testId="certificate-revoke-dialog"
        />
      )}
    </>
  );
}
