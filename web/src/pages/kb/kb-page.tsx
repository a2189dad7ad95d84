import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../components/page-title';
import { SynonymsTab } from './synonyms-tab';

/** 知识库: what editors maintain beside the articles. */
export function KbPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'synonyms';
  return (
    <div>
      <PageTitle title="知识库维护" />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[{ key: 'synonyms', label: '同义词', children: <SynonymsTab /> }]}
      />
    </div>
  );
}
