import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth/auth-context';
import { PageTitle } from '../../components/page-title';
import { ArticlesTab } from './articles-tab';
import { ContributionsTab } from './contributions-tab';
import { PolicyNoticesTab } from './policy-notices-tab';
import { OverdueTab } from './overdue-tab';
import { SynonymsTab } from './synonyms-tab';

/** 知识库维护: units keep their entries, editors review and publish, keep the synonyms. */
export function KbPage() {
  const me = useMe();
  const editor = me.role === 'kb-editor' || me.role === 'admin';
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'articles';
  return (
    <div>
      <PageTitle title="知识库维护" />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'articles', label: '知识条目', children: <ArticlesTab /> },
          { key: 'notices', label: '政策发布登记', children: <PolicyNoticesTab /> },
          { key: 'overdue', label: '更新超期', children: <OverdueTab /> },
          ...(editor
            ? [
                { key: 'contributions', label: '公众贡献审核', children: <ContributionsTab /> },
                { key: 'synonyms', label: '同义词', children: <SynonymsTab /> },
              ]
            : []),
        ]}
      />
    </div>
  );
}
