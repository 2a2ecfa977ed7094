// The management page for snippets and the referral directory (supervisors, administrators).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SnippetAdmin } from './SnippetAdmin.js';
import { DirectoryAdmin } from './DirectoryAdmin.js';

export function ToolkitPage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState('');
  return (
    <main className="c-main">
      <h1>{t('toolkit.title')}</h1>
      <p>{t('toolkit.intro')}</p>
      <p className="notice" role="status" hidden={!notice}>
        {notice}
      </p>
      <SnippetAdmin onNotice={setNotice} />
      <DirectoryAdmin onNotice={setNotice} />
    </main>
  );
}
