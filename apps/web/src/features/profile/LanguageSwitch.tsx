import { Button, Menu, Text } from '@mantine/core';
import IconCheck from '@tabler/icons-react/dist/esm/icons/IconCheck.mjs';
import IconLanguage from '@tabler/icons-react/dist/esm/icons/IconLanguage.mjs';
import { useTranslation } from 'react-i18next';
import { languages } from '../../lib/i18n/i18n.ts';
import { useChangeLanguage } from './language.ts';

/** 한국어 / Tiếng Việt / English, each written in its own language so anyone can find theirs. */
export function LanguageSwitch({ alwaysLabel = false }: { alwaysLabel?: boolean }) {
  const { t, i18n } = useTranslation();
  const change = useChangeLanguage();
  const current = languages.find((l) => l.code === i18n.language) ?? languages[2]!;
  return (
    <Menu position="bottom-end" shadow="md" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          size="compact-md"
          px={8}
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('language.switch', { current: current.label })}
          data-testid="language-switch"
        >
          {/* In the app header phones show only the icon; the accessible name still says which language is on. */}
          <Text span visibleFrom={alwaysLabel ? undefined : 'sm'} inherit lang={current.code}>
            {current.label}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {languages.map((l) => (
          <Menu.Item
            key={l.code}
            lang={l.code}
            onClick={() => change(l.code)}
            rightSection={l.code === current.code ? <IconCheck size={16} aria-hidden /> : undefined}
            aria-current={l.code === current.code ? 'true' : undefined}
            data-testid={`language-option-${l.code}`}
          >
            {l.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
