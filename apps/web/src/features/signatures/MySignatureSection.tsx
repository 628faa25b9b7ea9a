import { useTranslation } from 'react-i18next';
import { ImageCard } from './ImageCard.tsx';

/** Profile: the handwritten signature shown where the person signs a document. */
export function MySignatureSection() {
  const { t } = useTranslation();
  return (
    <ImageCard
      path="/me/signature-image"
      id="my-signature"
      testId="my-signature"
      title={t('signatures.mine.title')}
      description={t('signatures.mine.description')}
      hint={t('signatures.mine.hint')}
      alt={t('signatures.mine.alt')}
      emptyText={t('signatures.mine.none')}
    />
  );
}
