import { Form } from 'antd';
import { useRules } from '../../api/queries';
import { ComplainedPartyFields, namesComplainedParty } from '../../features/complained-party';

/** On complaints and reports, asks whom the caller complains about (投诉人保护, zibo-12345 §17). */
export function ComplainedPartyIntake() {
  const form = Form.useFormInstance();
  const type = Form.useWatch<string | undefined>('type', form);
  const rules = useRules();
  if (!namesComplainedParty(type)) return null;
  return (
    <div data-testid="complained-party-intake">
      <ComplainedPartyFields profileId={rules.data?.profile.id} />
    </div>
  );
}
